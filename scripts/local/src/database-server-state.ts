import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What a running local database server publishes in `<dataDir>/db-server.json` once it accepts clients. */
export const DatabaseServerState = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().positive(),
  startedAt: z.string(),
});
export type DatabaseServerState = z.infer<typeof DatabaseServerState>;

/** The files the local database server keeps beside `pgdata/` in a data directory. */
export function databaseServerFiles(dataDir: string) {
  return {
    pgdata: join(dataDir, 'pgdata'),
    state: join(dataDir, 'db-server.json'),
    log: join(dataDir, 'db-server.log'),
    /** proper-lockfile's lock (a directory); held by the live server for its whole life. */
    lock: join(dataDir, 'db-server.lock'),
    /** The pid of the process holding the lock, written as soon as it has it (before it publishes a port). */
    owner: join(dataDir, 'db-server.owner'),
  };
}

/** The pid of the lock's holder, or null when none is recorded. */
export function readDatabaseServerOwner(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(databaseServerFiles(dataDir).owner, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Records this process as the lock's holder. */
export function writeDatabaseServerOwner(dataDir: string, pid: number): void {
  writeFileSync(databaseServerFiles(dataDir).owner, `${pid}\n`);
}

/** Removes the holder record if it still names `pid`. */
export function removeDatabaseServerOwner(dataDir: string, pid: number): void {
  if (readDatabaseServerOwner(dataDir) === pid) rmSync(databaseServerFiles(dataDir).owner, { force: true });
}

/** The published state, or null when there is none (or it is unreadable, as a half-deleted file is). */
export function readDatabaseServerState(dataDir: string): DatabaseServerState | null {
  try {
    const parsed = DatabaseServerState.safeParse(
      JSON.parse(readFileSync(databaseServerFiles(dataDir).state, 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Publishes the state atomically (temporary file + rename), so a reader never sees half of it. */
export function writeDatabaseServerState(dataDir: string, state: DatabaseServerState): void {
  const file = databaseServerFiles(dataDir).state;
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}

/** Removes the published state if it still names `pid` (a successor may have replaced it). */
export function removeDatabaseServerState(dataDir: string, pid: number): void {
  if (readDatabaseServerState(dataDir)?.pid === pid)
    rmSync(databaseServerFiles(dataDir).state, { force: true });
}
