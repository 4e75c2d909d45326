import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';
import { runDatabaseServer } from './run-database-server';

// The local database server process: `database-server-main.ts DATA_DIR`, spawned by ensureDatabaseServer
// with its stdout and stderr appended to DATA_DIR/db-server.log.
const ServerEnv = z.object({
  ALEX_DB_SERVER_IDLE_MS: z.coerce.number().int().min(100).default(30_000),
});

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} db-server[${process.pid}] ${line}\n`);
}

const dataDir = process.argv[2];
// An empty variable (as copied from .env.example) means unset.
const env = ServerEnv.safeParse({ ALEX_DB_SERVER_IDLE_MS: process.env.ALEX_DB_SERVER_IDLE_MS || undefined });
if (!dataDir || !env.success) {
  log(
    dataDir
      ? `invalid ALEX_DB_SERVER_IDLE_MS: ${env.error?.message}`
      : 'usage: database-server-main.ts DATA_DIR',
  );
  process.exit(2);
}
log(`starting (idle stop after ${env.data.ALEX_DB_SERVER_IDLE_MS} ms)`);
runDatabaseServer({ dataDir: resolve(dataDir), idleMs: env.data.ALEX_DB_SERVER_IDLE_MS, log }).then(
  (reason) => {
    log(`stopped: ${reason}`);
    process.exit(0);
  },
  (error: unknown) => {
    // PGlite's file system errors are plain objects, not Errors.
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}`);
    process.exit(1);
  },
);
