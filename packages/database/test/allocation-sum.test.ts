import { AssetClassAllocation } from '@alex/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

const MAPS = [
  { equity: 81.776857869757, fixed_income: 18.273142130243002 },
  { equity: 81.776857869757, fixed_income: 18.273142130243 },
  { equity: 33.33, fixed_income: 33.33, cash: 33.33 },
  { equity: 99.95 },
  { equity: 99.9499999 },
  { equity: 100.05 },
  { equity: 50.0000001, cash: 50.05 },
  { equity: 1e-7, cash: 99.9999999 },
];

describe(`allocation sums on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();

  it('agree between the contracts and the database check for every map', async () => {
    for (const map of MAPS) {
      const rows = await database.db.execute<{ valid: boolean }>(
        sql`SELECT alex_allocation_valid(${JSON.stringify(map)}::jsonb) AS valid`,
      );
      const valid =
        (rows as unknown as { rows?: { valid: boolean }[] }).rows?.[0]?.valid ??
        (rows as unknown as { valid: boolean }[])[0]?.valid;
      expect([JSON.stringify(map), valid]).toEqual([
        JSON.stringify(map),
        AssetClassAllocation.safeParse(map).success,
      ]);
    }
  });
});
