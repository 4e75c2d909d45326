import type pg from 'pg';

/**
 * Waits until no session is connected to database `name`. pool.end() resolves before its sockets have closed;
 * a forced drop that kills them mid-close makes pg-pool re-emit the termination as an 'error' nobody listens
 * to (an uncaught exception). Let them leave first.
 */
export async function waitForDisconnect(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
