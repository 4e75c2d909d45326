import { parseArgs } from 'node:util';
import { benchCriticalPath, benchOfflineJobs } from './agents-bench';
import { benchApi } from './api-bench';
import { benchColdStart } from './cold-start';
import { benchDatabaseOpen } from './database-open';
import { benchPlans } from './plan-bench';
import { benchRetirement } from './retirement-bench';

// Benchmarks print figures; they assert nothing and never run as tests.
const log = (line: string) => process.stdout.write(`${line}\n`);

// `pnpm bench [section...]` runs the named sections (all by default), e.g. `pnpm bench cold-start`.
const SECTIONS: Record<string, () => Promise<unknown> | unknown> = {
  'database-open': () => benchDatabaseOpen(log),
  retirement: () => benchRetirement(log),
  // The deterministic planner always; the model planner too when a model is configured in the environment.
  plans: () => benchPlans(log),
  'offline-jobs': () => benchOfflineJobs(log),
  'critical-path': () => benchCriticalPath(log),
  api: () => benchApi(log),
  // Cold starts read the bundles and manifests `pnpm build` wrote (the bench script builds first).
  'cold-start': () => benchColdStart(log),
};
const { positionals } = parseArgs({ allowPositionals: true, strict: true });
const unknown = positionals.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown section ${unknown.join(', ')}; expected ${Object.keys(SECTIONS).join(', ')}\n`,
  );
  process.exit(2);
}
log(`node ${process.version}, ${new Date().toISOString()}`);
for (const name of positionals.length > 0 ? positionals : Object.keys(SECTIONS)) await SECTIONS[name]?.();
