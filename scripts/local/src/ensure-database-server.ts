import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { processAlive } from '@alex/runtime';
import { databaseServerFiles, readDatabaseServerOwner } from './database-server-state';
import { liveDatabaseServer } from './probe-database-server';

const SERVER_ENTRY = fileURLToPath(new URL('./database-server-main.ts', import.meta.url));
// Registered before the server's modules load, as the CLI's entry does (see the file).
const DRIZZLE_RESOLVE_HOOK = new URL('./drizzle-resolve-hook.ts', import.meta.url).href;
const LOG_LIMIT_BYTES = 1024 * 1024;

/** How long to wait for the server, and where to say that we are waiting. */
export interface EnsureDatabaseServerOptions {
  timeoutMs?: number;
  /** Called once when the server takes more than two seconds to answer. */
  onWait?: (message: string) => void;
}

// tsx's loader, which the tsx command itself passes to node with --import; resolved here so the server
// starts the same way whether this process runs under tsx, `node --import tsx` or vitest, and without
// inheriting flags such as --inspect.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Starts a detached server process that outlives this one, its output appended to db-server.log. */
function spawnDatabaseServer(dataDir: string): ChildProcess {
  const { log } = databaseServerFiles(dataDir);
  let size = 0;
  try {
    size = statSync(log).size;
  } catch {
    // No log yet.
  }
  const logFd = openSync(log, size > LOG_LIMIT_BYTES ? 'w' : 'a');
  try {
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        ...['--import', TSX_LOADER, '--import', DRIZZLE_RESOLVE_HOOK],
        SERVER_ENTRY,
        dataDir,
      ],
      {
        detached: true,
        stdio: ['ignore', logFd, logFd],
      },
    );
    child.unref();
    return child;
  } finally {
    closeSync(logFd);
  }
}

/**
 * The URL of the local database server for `dataDir`, starting one when no live process holds the data
 * directory. A holder that lives but does not answer yet (starting, or busy with a long statement) is waited
 * for, never replaced. Any number of processes may call this at once: each may spawn a server, and all but
 * one of those exit on the lock.
 */
export async function ensureDatabaseServer(
  dataDir: string,
  options: EnsureDatabaseServerOptions = {},
): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const { log } = databaseServerFiles(dataDir);
  const logName = relative(process.cwd(), log).startsWith('..') ? log : relative(process.cwd(), log);
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  let failure: string | null = null;
  let child: ChildProcess | null = null;
  let announced = false;
  while (Date.now() - started < timeoutMs) {
    const url = await liveDatabaseServer(dataDir, 3_000);
    if (url) return url;
    if (failure) throw new Error(failure);
    const owner = readDatabaseServerOwner(dataDir);
    const holderLives = owner !== null && processAlive(owner);
    if (!holderLives && (child === null || child.exitCode !== null)) {
      child = spawnDatabaseServer(dataDir);
      child.on('exit', (code) => {
        if (code !== 0) failure = `the local database server exited with code ${code} (see ${logName})`;
      });
    }
    if (!announced && Date.now() - started > 2_000) {
      announced = true;
      options.onWait?.(
        holderLives
          ? `waiting for the local database server (pid ${owner}, busy or starting; see ${logName})`
          : `waiting for the local database server (see ${logName})`,
      );
    }
    await sleep(100);
  }
  throw new Error(`the local database server did not answer within ${timeoutMs / 1000} s (see ${logName})`);
}
