import { rmSync } from 'node:fs';
import { newDataDir } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stopDataDirServer } from './support/cli-process';

const dataDir = newDataDir('alex-simulate-');
const env = { ALEX_DATA_DIR: dataDir, ALEX_DB_SERVER_IDLE_MS: '1500' };
const cli = (...args: string[]) => runCli(args, env);
// `alex simulate` with its flags written as on the command line (none of them holds a space).
const simulate = (flags: string) => cli('simulate', ...flags.split(' '));

describe('alex simulate', () => {
  beforeAll(async () => {
    expect((await cli('db', 'reset', '--seed', '--yes', '--json')).status).toBe(0);
  }, 60_000);
  afterAll(() => {
    stopDataDirServer(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('solves for the income at a confidence, printing solve: {target, confidence, value} in --json', async () => {
    const run = await simulate('--solve income --confidence 0.8 --paths 2000 --json');
    expect(run.status, run.stderr).toBe(0);
    const { solve } = JSON.parse(run.stdout) as { solve: Record<string, unknown> };
    expect(solve).toMatchObject({ target: 'income', confidence: 0.8, note: null });
    // test_user_001 cannot fund its $100k target; the sustainable income is a positive whole-dollar amount below it.
    expect(Number.isInteger(solve.value)).toBe(true);
    expect(solve.value).toBeGreaterThan(5_000);
    expect(solve.value).toBeLessThan(100_000);
    expect(solve.achieved).toBeGreaterThanOrEqual(0.8);
  });

  it('applies what-ifs for this run only: method, strategy, income and retirement age', async () => {
    const run = await simulate('--method historical --strategy vpw --income 40000 --retire-at 67 --json');
    expect(run.status, run.stderr).toBe(0);
    const { simulation } = JSON.parse(run.stdout) as {
      simulation: {
        method: string;
        plan: Record<string, unknown>;
        success_rate_ci95: unknown;
        paths: number;
      };
    };
    expect(simulation.method).toBe('historical');
    expect(simulation.success_rate_ci95).toBeNull();
    expect(simulation.paths).toBeLessThan(152);
    expect(simulation.plan).toMatchObject({
      target_income: 40_000,
      retirement_age: 67,
      strategy: { kind: 'vpw' },
    });
    // The stored plan is unchanged: a plain run still uses the $100k target and retires at 65.
    const plain = JSON.parse((await simulate('--paths 500 --json')).stdout) as typeof simulation & {
      simulation: { plan: Record<string, unknown> };
    };
    expect(plain.simulation.plan).toMatchObject({ target_income: 100_000, retirement_age: 65 });
  });

  it('refuses bad flags with one line naming each, exit 2, and no stack trace', async () => {
    const run = await simulate('--strategy yolo --income=-5 --confidence 2 --method x --paths 0');
    expect(run.status).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('alex:'));
    expect(errors).toHaveLength(1);
    for (const flag of ['--strategy', '--income', '--confidence', '--method', '--paths'])
      expect(errors[0]).toContain(flag);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const late = await simulate('--retire-at 30');
    expect([late.status, late.stderr]).toEqual([
      2,
      expect.stringContaining('--retire-at must be from the current age 40'),
    ]);
  });

  it('alex plan prints the plan for a question and runs nothing', async () => {
    const question = 'Can I retire 5 years earlier if I save $500 a month more?';
    const run = await cli('plan', '--question', question, '--json');
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      origin: string;
      plan: { steps: { agent: string; stage: number; focus: { scenarios?: unknown[] } }[] };
    };
    expect(printed.origin).toBe('rules');
    const retirement = printed.plan.steps.find((step) => step.agent === 'retirement');
    // Retiring 5 years before 65, saving $10,000 + 12 × $500 a year.
    expect(retirement?.focus.scenarios).toEqual([{ retirement_age: 60, annual_contribution: 16_000 }]);
    expect(printed.plan.steps.find((step) => step.agent === 'reporter')?.stage).toBe(2);
    expect(JSON.parse((await cli('jobs', '--json')).stdout)).toEqual({ jobs: [] });
  });
});
