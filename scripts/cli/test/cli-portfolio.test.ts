import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDataDir } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, fixture, runCli } from './support/cli-process';

const dataDir = newDataDir('alex-cli-');
const env = { ALEX_DATA_DIR: dataDir };
const cli = (...args: string[]) => runCli(args, env);

function writeJson(name: string, content: unknown): string {
  const path = join(dataDir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

function json(run: CliRun): Record<string, unknown> {
  expect(run.stderr.split('\n').filter((l) => l.startsWith('alex:'))).toEqual([]);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('alex db and portfolio commands on the embedded database', () => {
  beforeAll(async () => {
    expect((await cli('db', 'reset', '--seed', '--yes', '--json')).status).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('values test_user_001 at 99437.50 with one JSON document on stdout', async () => {
    const run = await cli('portfolio', 'show', '--json');
    expect(run.status).toBe(0);
    const shown = json(run);
    expect(shown).toMatchObject({
      clerk_user_id: 'test_user_001',
      total: 99437.5,
      cash: 8500,
      positions_value: 90937.5,
    });
    expect(shown.unpriced_positions).toEqual([]);
  });

  it('shows the same from the source through tsx, as `pnpm alex` runs it, as from the bundle the tests run', async () => {
    const [bundled, source] = await Promise.all([
      cli('portfolio', 'show', '--json'),
      runCli(['portfolio', 'show', '--json'], env, { entry: 'source' }),
    ]);
    expect(source.status).toBe(0);
    expect(json(source)).toEqual(json(bundled));
  });

  it('loads instruments as an administrator, creating new symbols and updating known ones', async () => {
    const loaded = json(await cli('instruments', 'import', fixture('instruments-valid.json'), '--json'));
    expect(loaded).toEqual({ imported: true, created: ['VTI'], updated: [] });
    const again = await cli('instruments', 'import', fixture('instruments-valid.json'));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('updated: VTI');
  });

  it('imports a file, creating unknown symbols unpriced and leaving them out of the total', async () => {
    const imported = json(await cli('portfolio', 'import', fixture('portfolio-valid.json'), '--json'));
    expect(imported).toEqual({
      imported: true,
      clerk_user_id: 'import_user_001',
      accounts: 2,
      positions: 4,
      instruments_awaiting_classification: ['ZZNEW'],
    });
    const shown = json(await cli('portfolio', 'show', '--user', 'import_user_001', '--json'));
    // SPY 10 x 450.25 + VTI 5.5 x 250.10 + BND 100 x 72.50 + cash 1234.56 = 14,360.61
    expect(shown.total).toBe(14362.61);
    expect(shown.unpriced_positions).toEqual([
      { symbol: 'ZZNEW', name: 'ZZNEW', account_name: 'Brokerage', quantity: 3, price: null, value: null },
    ]);
  });

  it("replaces the user's accounts and positions on re-import instead of adding to them", async () => {
    expect((await cli('portfolio', 'import', fixture('portfolio-valid.json'))).status).toBe(0);
    expect((await cli('portfolio', 'import', fixture('portfolio-valid.json'))).status).toBe(0);
    const shown = json(await cli('portfolio', 'show', '--user', 'import_user_001', '--json'));
    expect((shown.accounts as unknown[]).length).toBe(2);
    expect(shown.total).toBe(14362.61);
  });

  it('rejects a malformed file naming every offending field and writes nothing', async () => {
    const run = await cli('portfolio', 'import', fixture('portfolio-malformed.json'), '--json');
    expect(run.status).toBe(1);
    const reason = run.stderr.trim().split('\n').at(-1) ?? '';
    // With --json, stdout holds one document: the error, with the same reason as the stderr line.
    expect(JSON.parse(run.stdout)).toEqual({
      error: { message: reason.replace(/^alex: /, ''), exit_code: 1 },
    });
    for (const path of [
      'user.years_until_retirement',
      'user: Unrecognized key: "favourite_colour"',
      'accounts.0.cash_balance',
      'accounts.0.positions.0.quantity',
      'accounts.0.positions.1.quantity',
      'accounts.0.positions.2.quantity: must be at least 0.00000001',
      'accounts.1.account_name: must not contain a NUL character',
      'accounts.1.cash_balance: must be at most 9999999999.99',
      'instruments: a portfolio file cannot change shared instrument data',
    ]) {
      expect(reason).toContain(path);
    }
    const missing = await cli('portfolio', 'show', '--user', 'bad_user');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no user "bad_user"');
  });

  it('refuses a user file that reprices SPY, leaving SPY and test_user_001 as they were', async () => {
    const before = json(await cli('portfolio', 'show', '--json'));
    const run = await cli('portfolio', 'import', fixture('portfolio-reprices-spy.json'), '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { exit_code: 1 } });
    expect(run.stderr).toContain(
      'instruments: a portfolio file cannot change shared instrument data (prices, names, classifications); ' +
        'an administrator loads instruments with `pnpm alex instruments import FILE`',
    );
    const [shown, repricer] = await Promise.all([
      cli('portfolio', 'show', '--json'),
      cli('portfolio', 'show', '--user', 'repricer'),
    ]);
    const after = json(shown);
    expect(after).toEqual(before);
    const positions = (after.accounts as { positions: { symbol: string }[] }[]).flatMap((a) => a.positions);
    expect(positions.find((position) => position.symbol === 'SPY')).toMatchObject({
      name: 'SPDR S&P 500 ETF Trust',
      price: 450.25,
    });
    expect(repricer.stderr).toContain('no user "repricer"');
  });

  it('imports a user without goals, absent or null', async () => {
    const user = { clerk_user_id: 'no_goals', display_name: 'No Goals' };
    const accounts = [{ account_name: 'Cash only', cash_balance: 100 }];
    const goals = {
      years_until_retirement: null,
      target_retirement_income: null,
      current_age: null,
      annual_contribution: null,
    };
    for (const [name, profile] of [
      ['goals-absent.json', user],
      ['goals-null.json', { ...user, ...goals }],
    ] as const) {
      const imported = json(
        await cli('portfolio', 'import', writeJson(name, { user: profile, accounts }), '--json'),
      );
      expect(imported).toMatchObject({ clerk_user_id: 'no_goals', accounts: 1, positions: 0 });
      const shown = json(await cli('portfolio', 'show', '--user', 'no_goals', '--json'));
      expect(shown).toMatchObject({ total: 100, cash: 100 });
    }
  });

  it('refuses an instruments file that defines one symbol twice, naming both entries', async () => {
    const file = writeJson('twice.json', {
      instruments: [
        { symbol: 'ZZTWICE', name: 'First' },
        { symbol: 'zztwice', name: 'Second' },
      ],
    });
    const run = await cli('instruments', 'import', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'instruments.1.symbol: duplicate symbol ZZTWICE in one file, also at instruments.0',
    );
  });

  it('rejects invalid JSON, an oversized file and a missing file with one line each', async () => {
    const badJson = join(dataDir, 'bad.json');
    writeFileSync(badJson, '{"user": ');
    const big = join(dataDir, 'big.json');
    writeFileSync(big, `{"pad": "${'x'.repeat(10 * 1024 * 1024)}"}`);
    const cases = [
      [badJson, 'is not valid JSON'],
      [big, 'portfolio files are limited to 1048576 bytes'],
      [join(dataDir, 'absent.json'), 'no such file'],
    ] as const;
    const runs = await Promise.all(cases.map(([file]) => cli('portfolio', 'import', file)));
    for (const [index, [, reason]] of cases.entries()) {
      const run = runs[index] as CliRun;
      expect(run.status).toBe(1);
      const lines = run.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('alex:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(reason);
    }
  });

  it('refuses a number with more digits than it can hold exactly, instead of storing another value', async () => {
    const file = join(dataDir, 'inexact.json');
    writeFileSync(
      file,
      '{"user": {"clerk_user_id": "inexact", "display_name": "I"}, "accounts": [{"account_name": "A", "positions": [{"symbol": "SPY", "quantity": 99999999999.999999999}]}]}',
    );
    const run = await cli('portfolio', 'import', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('numbers with more digits than can be held exactly: 99999999999.999999999');
    expect((await cli('portfolio', 'show', '--user', 'inexact')).status).toBe(1);
  });

  it('refuses db reset without --yes when stdin is not a terminal, dropping nothing', async () => {
    const run = await cli('db', 'reset', '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'alex: db reset drops every table and asks first, but stdin is not a terminal: pass --yes to go ahead',
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'usage', exit_code: 2 } });
    expect(json(await cli('portfolio', 'show', '--json'))).toMatchObject({ total: 99437.5 });
  });

  it('exits 2 with usage for an unknown command or flag', async () => {
    const runs = await Promise.all([
      cli('portfolio', 'explode'),
      cli('portfolio', 'show', '--colour', 'red'),
    ]);
    expect(runs.map((run) => run.status)).toEqual([2, 2]);
  });
});
