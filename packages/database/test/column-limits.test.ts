import {
  CASH_INTEREST,
  type DecimalShape,
  FEE_RATE,
  largestStored,
  MONEY,
  PRICE,
  QUANTITY,
  smallestStep,
  VARCHAR_LENGTH,
} from '@alex/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from './error-chain';
import { rawRows } from './raw-rows';
import { useTestDatabase } from './support/file-database';
import { TEST_DRIVER } from './support/test-database';

// Every column whose limits the contracts' validation relies on, with the shape the contracts give it.
const DECIMALS: Record<string, DecimalShape> = {
  'users.target_retirement_income': MONEY,
  'users.annual_contribution': MONEY,
  'users.advisory_fee': FEE_RATE,
  'instruments.current_price': PRICE,
  'instruments.expense_ratio': FEE_RATE,
  'accounts.cash_balance': MONEY,
  'accounts.cash_interest': CASH_INTEREST,
  'positions.quantity': QUANTITY,
};
const VARCHARS: Record<string, number> = {
  'users.clerk_user_id': VARCHAR_LENGTH.clerkUserId,
  'users.display_name': VARCHAR_LENGTH.displayName,
  'instruments.symbol': VARCHAR_LENGTH.symbol,
  'instruments.name': VARCHAR_LENGTH.instrumentName,
  'instruments.instrument_type': VARCHAR_LENGTH.instrumentType,
  'accounts.clerk_user_id': VARCHAR_LENGTH.clerkUserId,
  'accounts.account_name': VARCHAR_LENGTH.accountName,
  'positions.symbol': VARCHAR_LENGTH.symbol,
};

interface ColumnRow {
  column: string;
  data_type: string;
  numeric_precision: number | string | null;
  numeric_scale: number | string | null;
  character_maximum_length: number | string | null;
}

describe(`column limits on ${TEST_DRIVER}`, () => {
  const database = useTestDatabase();
  let columns: Map<string, ColumnRow>;

  beforeAll(async () => {
    const rows = await rawRows<ColumnRow>(
      database.db,
      sql`SELECT table_name || '.' || column_name AS column, data_type, numeric_precision, numeric_scale,
                 character_maximum_length
          FROM information_schema.columns
          WHERE table_schema = current_schema()
            AND table_name IN ('users', 'instruments', 'accounts', 'positions')`,
    );
    columns = new Map(rows.map((row) => [row.column, row]));
  });

  const shapeOf = (name: string) => {
    const row = columns.get(name);
    if (!row) throw new Error(`no column ${name} in the migrated schema`);
    return row;
  };

  it('gives every numeric column the precision and scale the contracts validate against', () => {
    const stored = Object.keys(DECIMALS).map((name) => {
      const row = shapeOf(name);
      return [name, row.data_type, Number(row.numeric_precision), Number(row.numeric_scale)];
    });
    const expected = Object.entries(DECIMALS).map(([name, shape]) => [
      name,
      'numeric',
      shape.precision,
      shape.scale,
    ]);
    expect(stored).toEqual(expected);
  });

  it('gives every varchar column the length the contracts validate against', () => {
    const stored = Object.keys(VARCHARS).map((name) => {
      const row = shapeOf(name);
      return [name, row.data_type, Number(row.character_maximum_length)];
    });
    const expected = Object.entries(VARCHARS).map(([name, length]) => [name, 'character varying', length]);
    expect(stored).toEqual(expected);
  });

  it('leaves no other numeric or varchar column of these tables unchecked', () => {
    const bounded = [...columns.values()]
      .filter((row) => row.data_type === 'numeric' || row.data_type === 'character varying')
      .map((row) => row.column)
      .sort();
    expect(bounded).toEqual([...Object.keys(DECIMALS), ...Object.keys(VARCHARS)].sort());
  });

  it('holds exactly the range the contracts accept: one step beyond overflows or is stored as 0', async () => {
    const { db } = database;
    for (const shape of [QUANTITY, MONEY, PRICE, CASH_INTEREST, FEE_RATE]) {
      const type = sql.raw(`numeric(${shape.precision}, ${shape.scale})`);
      const [edges] = await rawRows<{ largest: string; smallest: string; below: string }>(
        db,
        sql`SELECT ${largestStored(shape)}::${type}::text AS largest, ${smallestStep(shape)}::${type}::text AS smallest,
                   (${smallestStep(shape)}::numeric / 10)::${type}::text AS below`,
      );
      expect(edges).toEqual({
        largest: largestStored(shape),
        smallest: smallestStep(shape),
        below: `0.${'0'.repeat(shape.scale)}`,
      });
      const overflow = await failureOf(
        db.execute(sql`SELECT ${String(10 ** (shape.precision - shape.scale))}::${type}`),
      );
      expect(overflow.text).toContain('numeric field overflow');
    }
  });
});
