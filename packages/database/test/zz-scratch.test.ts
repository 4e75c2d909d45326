import { sql } from 'drizzle-orm';
import { it } from 'vitest';
import * as schema from '../src/schema';
import { openTestDatabase, TEST_DRIVER } from './support/test-database';

it('probe', async () => {
  const d = await openTestDatabase();
  const db = d.handle.db;
  const r = await db.execute(sql`select 1.50::numeric as n, now() as t, '{"a":0.1}'::jsonb as j, 1::int as i, 10000000000::bigint as b`);
  console.log(TEST_DRIVER, JSON.stringify(r, null, 0).slice(0, 800), Object.keys(r));
  try {
    await db.insert(schema.jobs).values({ clerkUserId: 'x', jobType: 'portfolio_analysis', status: 'weird' });
  } catch (e) {
    const err = e as Error & { cause?: any };
    console.log(TEST_DRIVER, err.constructor.name, err.message.slice(0, 300), '|| cause:', err.cause?.constructor?.name, err.cause?.message, err.cause?.code, err.cause?.constraint);
  }
  await d.close();
});
