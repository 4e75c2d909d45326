import { performance } from 'node:perf_hooks';
import { createRepositories, type DatabaseHandle, TEST_USER_ID } from '@alex/database';
import { openPgliteDatabase } from '@alex/database/pglite';
import { openLocalServerDatabase } from '@alex/local-stack/database-client';

// Run in a fresh process by database-open.ts: measures a cold open and first portfolio load, either opening
// PGlite in this process (`direct`) or connecting through the data directory's local server (`server`),
// as the CLI does.
const dataDir = process.argv[2] ?? '';
const mode = process.argv[3] === 'server' ? 'server' : 'direct';

async function open(): Promise<DatabaseHandle> {
  if (mode === 'direct') return openPgliteDatabase({ dataDir });
  return (await openLocalServerDatabase(dataDir)).handle;
}

const started = performance.now();
const handle = await open();
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
