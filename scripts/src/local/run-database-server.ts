import { existsSync, mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPgliteDatabase } from '@alex/database/pglite';
import { type PgliteServer, startPgliteServer } from '@alex/pglite-server';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import {
  databaseServerFiles,
  processAlive,
  readDatabaseServerState,
  removeDatabaseServerState,
  writeDatabaseServerState,
} from './database-server-state';
import { probeDatabaseServer } from './probe-database-server';

/** How the local database server runs. */
export interface DatabaseServerOptions {
  dataDir: string;
  /** Stops after this long with no client connection. */
  idleMs: number;
  log(line: string): void;
}

// A SIGKILLed server's lock goes stale after LOCK_STALE_MS; a live one refreshes it every LOCK_UPDATE_MS.
const LOCK_STALE_MS = 10_000;
const LOCK_UPDATE_MS = 2_000;
// Long enough for a killed predecessor's lock to go stale.
const LOCK_WAIT_MS = 3 * LOCK_STALE_MS;

/** A one-shot stop request: the first reason given wins. */
function stopSignal() {
  let trigger: (reason: string) => void = () => {};
  const reason = new Promise<string>((resolve) => {
    trigger = resolve;
  });
  return { reason, stop: (why: string) => trigger(why) };
}

/**
 * Takes the data directory's lock, or returns null when another server lives there. A held lock whose owner
 * has not published a live server yet is either still starting (it will publish) or was killed (its lock
 * goes stale): wait for one or the other.
 */
async function lockDataDir(
  dataDir: string,
  onCompromised: (error: Error) => void,
): Promise<(() => Promise<void>) | null> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await lockfile.lock(dataDir, {
        lockfilePath: databaseServerFiles(dataDir).lock,
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        realpath: false,
        onCompromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const state = readDatabaseServerState(dataDir);
    if (state && processAlive(state.pid) && (await probeDatabaseServer(state.port, 3_000))) return null;
    if (Date.now() > deadline) return null;
    await sleep(250);
  }
}

/** Stops the server after `idleMs` without connections, or as soon as its data directory disappears. */
function watch(server: PgliteServer, options: DatabaseServerOptions, stop: (reason: string) => void) {
  let lastBusy = Date.now();
  const pgdata = databaseServerFiles(options.dataDir).pgdata;
  return setInterval(
    () => {
      if (!existsSync(pgdata)) stop('the data directory was removed');
      if (server.connections() > 0) lastBusy = Date.now();
      else if (Date.now() - lastBusy >= options.idleMs) stop(`no clients for ${options.idleMs} ms`);
    },
    Math.min(1_000, Math.max(50, options.idleMs / 4)),
  );
}

/**
 * Serves the embedded database in `dataDir` to other processes until it is idle, signalled, or loses its
 * data directory; resolves with the reason it stopped. Holds the data directory's lock the whole time, so
 * at most one process ever opens these PGlite files.
 */
export async function runDatabaseServer(options: DatabaseServerOptions): Promise<string> {
  const { dataDir, log } = options;
  const { reason, stop } = stopSignal();
  mkdirSync(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir, (error) =>
    stop(`lost the data directory lock: ${error.message}`),
  );
  if (!unlock) return 'another server is running on this data directory';
  const onSignal = (signal: NodeJS.Signals) => stop(`received ${signal}`);
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  let db: PGlite | undefined;
  let server: PgliteServer | undefined;
  let watcher: NodeJS.Timeout | undefined;
  try {
    mkdirSync(databaseServerFiles(dataDir).pgdata, { recursive: true });
    db = await PGlite.create(databaseServerFiles(dataDir).pgdata);
    await (await openPgliteDatabase({ client: db })).migrate();
    server = await startPgliteServer({ db });
    writeDatabaseServerState(dataDir, {
      pid: process.pid,
      port: server.port,
      startedAt: new Date().toISOString(),
    });
    log(`serving ${dataDir} on 127.0.0.1:${server.port}`);
    watcher = watch(server, options, stop);
    return await reason;
  } finally {
    clearInterval(watcher);
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    removeDatabaseServerState(dataDir, process.pid);
    const failed = (step: string) => (error: unknown) => log(`${step} failed: ${String(error)}`);
    await server?.close().catch(failed('closing the server'));
    await db?.close().catch(failed('closing PGlite'));
    // Releasing fails when the data directory is already gone; the lock went with it.
    await unlock().catch(() => {});
  }
}
