import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPgliteDatabase } from '@alex/database/pglite';
import { errorCode } from '@alex/errors';
import { type PgliteServer, startPgliteServer } from '@alex/pglite-server';
import { processAlive } from '@alex/runtime';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import {
  databaseServerFiles,
  readDatabaseServerOwner,
  removeDatabaseServerOwner,
  removeDatabaseServerState,
  writeDatabaseServerOwner,
  writeDatabaseServerState,
} from './database-server-state';

/** How the local database server runs. */
export interface DatabaseServerOptions {
  dataDir: string;
  /** Stops after this long with no client connection. */
  idleMs: number;
  log(line: string): void;
}

// Whether the lock's holder lives is decided by its pid (db-server.owner), never by the lock's age: PGlite runs
// on the server's event loop, so a long statement can delay the lock's refresh, and a lock taken over on age
// alone would let a second server open the same files. The age limit is only a last resort for a holder that
// died before recording its pid.
const LOCK_STALE_MS = 10 * 60_000;
const LOCK_UPDATE_MS = 30_000;
// A server that is still starting records its pid within moments; wait a little for it.
const OWNER_WAIT_MS = 5_000;

const STARTUP_GRACE_MS = 5_000;

/** A one-shot stop request: the first reason given wins. */
function stopSignal() {
  let trigger: (reason: string) => void = () => {};
  const reason = new Promise<string>((resolve) => {
    trigger = resolve;
  });
  return { reason, stop: (why: string) => trigger(why) };
}

/**
 * Takes the data directory's lock, or returns null when another live process holds it. A lock whose recorded
 * holder is dead (a SIGKILLed server) is removed at once and taken.
 */
async function lockDataDir(
  dataDir: string,
  onCompromised: (error: Error) => void,
): Promise<(() => Promise<void>) | null> {
  const files = databaseServerFiles(dataDir);
  const deadline = Date.now() + OWNER_WAIT_MS;
  for (;;) {
    try {
      const release = await lockfile.lock(dataDir, {
        lockfilePath: files.lock,
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        realpath: false,
        onCompromised,
      });
      writeDatabaseServerOwner(dataDir, process.pid);
      return release;
    } catch (error) {
      if (errorCode(error) !== 'ELOCKED') throw error;
    }
    const owner = readDatabaseServerOwner(dataDir);
    if (owner !== null && processAlive(owner)) return null;
    if (owner !== null || Date.now() > deadline) {
      // The holder is dead (or never recorded itself): its lock protects nothing any more.
      rmSync(files.lock, { recursive: true, force: true });
      rmSync(files.owner, { force: true });
      continue;
    }
    await sleep(250);
  }
}

/** Stops the server after `idleMs` without connections, or as soon as its data directory disappears. */
function watch(server: PgliteServer, options: DatabaseServerOptions, stop: (reason: string) => void) {
  // The client that started the server connects within moments; never stop before it could.
  let lastBusy = Date.now() + STARTUP_GRACE_MS;
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
  // Only a process that wrongly took this server for dead could compromise the lock; keep serving and say so.
  const unlock = await lockDataDir(dataDir, (error) =>
    log(`warning: the data directory lock was disturbed: ${error.message}`),
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
    // Only now, with PGlite closed, may another server take the data directory.
    removeDatabaseServerOwner(dataDir, process.pid);
    // Releasing fails when the data directory is already gone; the lock went with it.
    await unlock().catch(() => {});
  }
}
