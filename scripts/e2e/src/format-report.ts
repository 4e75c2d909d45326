import type { FullTestCheck } from './check-job';
import type { FullTestResult } from './run-full-test';
import type { PoisonDrillResult } from './run-poison-drill';

function checkLines(checks: readonly FullTestCheck[]): string[] {
  return checks.map((c) => `  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
}

/** The PASS/FAIL report of a full test run (and of the poison drill when it ran), one check per line. */
export function formatReport(
  target: string,
  result: FullTestResult,
  poison: PoisonDrillResult | null = null,
): string {
  const passed = result.passed && (poison?.passed ?? true);
  const lines = [`full test against ${target}: ${passed ? 'PASS' : 'FAIL'}`];
  if (result.aborted) lines.push(`  FAIL  could not run: ${result.aborted}`);
  if (result.jobId) lines.push(`  job ${result.jobId} (${result.status ?? 'unknown'})`);
  lines.push(...checkLines(result.checks));
  if (poison) {
    lines.push(`  poison message ${poison.messageId ?? '(not sent)'}`);
    lines.push(...checkLines(poison.checks));
  }
  const seconds = (result.durationMs + (poison?.durationMs ?? 0)) / 1000;
  const failed = [...result.checks, ...(poison?.checks ?? [])].filter((c) => !c.ok).length;
  lines.push(
    `${failed === 0 && passed ? 'all checks passed' : `${failed} check(s) failed`} in ${seconds.toFixed(1)} s`,
  );
  return lines.join('\n');
}
