import { performance } from 'node:perf_hooks';
import { createRepositories, TEST_USER_ID } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';

// Run in a fresh process by database-open.ts: measures a cold open and first portfolio load.
const dataDir = process.argv[2] ?? '';
const started = performance.now();
const handle = await openPgliteDatabase({ dataDir });
const opened = performance.now();
const portfolio = await createRepositories(handle.db).portfolios.load(TEST_USER_ID);
const loaded = performance.now();
await handle.close();
process.stdout.write(
  JSON.stringify({
    processToLoadedMs: loaded,
    openMs: opened - started,
    firstLoadMs: loaded - opened,
    positions: portfolio?.accounts.flatMap((a) => a.positions).length ?? 0,
  }),
);
