import { describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './support/cli-process';

// No database is opened by any run here: parsing fails or help is printed before a command loads.
const cli = (...args: string[]) => runCli(args, {});

function errorDocument(run: CliRun) {
  return JSON.parse(run.stdout) as { error: { message: string; code?: string; exit_code: number } };
}

describe('alex help', () => {
  it('prints every command for `alex --help`, `alex help` and a bare `alex`, exiting 0', async () => {
    const runs = await Promise.all([cli('--help'), cli('help'), cli()]);
    for (const run of runs) {
      expect(run.status).toBe(0);
      for (const command of ['analyze', 'jobs', 'job', 'report', 'simulate', 'db', 'portfolio', 'token'])
        expect(run.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    }
    expect(runs[1]?.stdout).toBe(runs[0]?.stdout);
  });

  it('prints the same per-command help for `alex analyze --help` and `alex help analyze`', async () => {
    const [flag, word] = await Promise.all([cli('analyze', '--help'), cli('help', 'analyze')]);
    expect([flag.status, word.status]).toEqual([0, 0]);
    expect(flag.stdout).toBe(word.stdout);
    for (const option of [
      '--user <id>',
      '--portfolio <file>',
      '--question <text>',
      '--html <file>',
      '--json',
    ])
      expect(flag.stdout).toContain(option);
  });

  it('prints help for nested commands, their options included', async () => {
    const run = await cli('db', 'reset', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: alex db reset/);
    expect(run.stdout).toContain('--yes');
  });
});

describe('alex usage errors', () => {
  it('suggests analyze for analyse and --json for --jsn, exiting 2 with one alex: line', async () => {
    const [command, flag] = await Promise.all([cli('analyse'), cli('analyze', '--jsn')]);
    expect([command.status, flag.status]).toEqual([2, 2]);
    expect(command.stderr).toMatch(/^alex: unknown command 'analyse'; did you mean analyze\?$/m);
    expect(flag.stderr).toMatch(/^alex: unknown option '--jsn'; did you mean --json\?$/m);
    expect(flag.stderr).toContain('pnpm alex analyze --help');
    expect([command.stdout, flag.stdout]).toEqual(['', '']);
  });

  it('exits 2 for a group without its subcommand, a missing argument and an extra one', async () => {
    const runs = await Promise.all([cli('db'), cli('job'), cli('job', 'a', 'b'), cli('report')]);
    expect(runs.map((run) => run.status)).toEqual([2, 2, 2, 2]);
    expect(runs[1]?.stderr).toContain("alex: missing required argument 'id'");
  });

  it('prints one JSON error document on stdout with --json, the human line staying on stderr', async () => {
    const run = await cli('portfolio', 'show', '--colour', 'red', '--json');
    expect(run.status).toBe(2);
    expect(errorDocument(run)).toEqual({
      error: { message: "unknown option '--colour'", code: 'unknown_option', exit_code: 2 },
    });
    expect(run.stderr).toContain("alex: unknown option '--colour'");
  });
});
