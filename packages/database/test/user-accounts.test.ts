import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUserJob, useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const OWNER = 'accounts_owner';
const OTHER = 'accounts_other';
const fields = (accountName: string) => ({
  accountName,
  accountPurpose: null,
  cashBalance: 100.5,
  cashInterest: 0.04,
});

describe(`accounts and positions of one user on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase({ seed: true });
  beforeAll(async () => {
    await createUserJob(database.repos, OWNER);
    await createUserJob(database.repos, OTHER);
  });

  it('creates, lists newest first, updates and deletes only the owner’s accounts', async () => {
    const { accounts } = database.repos;
    const first = await accounts.create(OWNER, fields('First'));
    const second = await accounts.create(OWNER, fields('Second'));
    expect(first).toMatchObject({
      clerkUserId: OWNER,
      accountName: 'First',
      cashBalance: 100.5,
      cashInterest: 0.04,
    });
    expect((await accounts.list(OWNER)).map((a) => a.accountName)).toEqual(['Second', 'First']);
    expect(await accounts.list(OTHER)).toEqual([]);
    expect(await accounts.find(OTHER, first.id)).toBeNull();
    expect(await accounts.update(OTHER, first.id, { accountName: 'Stolen' })).toBeNull();
    expect(await accounts.remove(OTHER, first.id)).toBe(false);
    const renamed = await accounts.update(OWNER, first.id, {
      accountName: 'Renamed',
      cashBalance: undefined,
    });
    expect(renamed).toMatchObject({ accountName: 'Renamed', cashBalance: 100.5 });
    expect(await accounts.remove(OWNER, second.id)).toBe(true);
    expect(await accounts.removeAll(OWNER)).toBe(1);
    expect(await accounts.list(OWNER)).toEqual([]);
  });

  it('treats an unknown id or a non-uuid as no account without a database error', async () => {
    expect(await database.repos.accounts.find(OWNER, 'not-a-uuid')).toBeNull();
    expect(await database.repos.accounts.update(OWNER, randomUUID(), { accountName: 'x' })).toBeNull();
    expect(await database.repos.positions.listByAccount(OWNER, 'nope')).toBeNull();
    expect(await database.repos.positions.remove(OWNER, 'nope')).toBe(false);
  });

  it('holds positions with their instrument, replacing the quantity of a symbol already held', async () => {
    const { accounts, positions } = database.repos;
    const account = await accounts.create(OWNER, fields('Holdings'));
    const spy = await positions.upsert(OWNER, { accountId: account.id, symbol: 'SPY', quantity: 10 });
    expect(spy).toMatchObject({
      symbol: 'SPY',
      quantity: 10,
      instrument: { name: 'SPDR S&P 500 ETF Trust' },
    });
    const again = await positions.upsert(OWNER, { accountId: account.id, symbol: 'SPY', quantity: 12.5 });
    expect(again?.id).toBe(spy?.id);
    expect(again?.quantity).toBe(12.5);
    expect(await positions.upsert(OTHER, { accountId: account.id, symbol: 'SPY', quantity: 1 })).toBeNull();
    expect(await positions.updateQuantity(OTHER, spy?.id ?? '', 99)).toBeNull();
    expect(await positions.remove(OTHER, spy?.id ?? '')).toBe(false);
    expect(await positions.listByAccount(OTHER, account.id)).toBeNull();
    expect((await positions.updateQuantity(OWNER, spy?.id ?? '', 3))?.quantity).toBe(3);
    expect((await positions.listByAccount(OWNER, account.id))?.map((p) => [p.symbol, p.quantity])).toEqual([
      ['SPY', 3],
    ]);
    expect(await positions.remove(OWNER, spy?.id ?? '')).toBe(true);
    expect(await positions.listByAccount(OWNER, account.id)).toEqual([]);
  });

  it('creates a bare placeholder for an unknown symbol and never changes a known instrument', async () => {
    const { accounts, positions, instruments } = database.repos;
    const account = await accounts.create(OWNER, fields('Placeholders'));
    await positions.upsert(OWNER, { accountId: account.id, symbol: 'ZZNEW', quantity: 1 });
    const [created] = await instruments.findMany(['ZZNEW']);
    expect(created).toMatchObject({
      symbol: 'ZZNEW',
      name: 'ZZNEW',
      instrumentType: null,
      currentPrice: null,
    });
    expect(created).toMatchObject({ allocationAssetClass: {}, allocationRegions: {}, allocationSectors: {} });
    const added = await accounts.addWithPositions(OWNER, [
      {
        ...fields('Demo'),
        positions: [
          { symbol: 'SPY', quantity: 1 },
          { symbol: 'ZZOTHER', quantity: 2 },
        ],
      },
    ]);
    expect(added.map((a) => a.accountName)).toEqual(['Demo']);
    const [spy] = await instruments.findMany(['SPY']);
    expect(spy?.currentPrice).toBe(450.25);
    expect((await instruments.findMany(['ZZOTHER']))[0]?.name).toBe('ZZOTHER');
  });
});
