// Prints line and branch coverage per workspace from vitest's json-summary (coverage/coverage-summary.json).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const file = process.argv[2] ?? 'coverage/coverage-summary.json';
const summary = JSON.parse(readFileSync(file, 'utf8'));
const totals = new Map();
for (const [path, figures] of Object.entries(summary)) {
  if (path === 'total') continue;
  // The workspace is the path up to its src folder: packages/local/sqs, agents/planner, scripts/cli ...
  const workspace = relative(process.cwd(), path).split('/src/')[0];
  const sum = totals.get(workspace) ?? { lines: [0, 0], branches: [0, 0] };
  for (const key of ['lines', 'branches']) {
    sum[key][0] += figures[key].covered;
    sum[key][1] += figures[key].total;
  }
  totals.set(workspace, sum);
}
const percent = ([covered, total]) => (total === 0 ? '  n/a' : `${((100 * covered) / total).toFixed(1)}%`);
console.log('coverage per workspace (v8)    lines   branches');
for (const [workspace, sum] of [...totals].sort(([a], [b]) => a.localeCompare(b)))
  console.log(
    `${workspace.padEnd(28)} ${percent(sum.lines).padStart(7)} ${percent(sum.branches).padStart(9)}`,
  );
const all = summary.total;
console.log(
  `${'all'.padEnd(28)} ${all.lines.pct.toFixed(1).padStart(6)}% ${all.branches.pct.toFixed(1).padStart(8)}%`,
);
