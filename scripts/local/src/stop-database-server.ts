import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive } from '@alex/runtime';
import { readDatabaseServerState } from './database-server-state';

/**
 * Asks the data directory's local database server to stop (SIGTERM: it closes PGlite cleanly) and waits
 * until its process has gone; false when none was running.
 */
export async function stopDatabaseServer(dataDir: string, timeoutMs = 15_000): Promise<boolean> {
  const state = readDatabaseServerState(dataDir);
  if (!state || !processAlive(state.pid)) return false;
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(state.pid)) {
    if (Date.now() > deadline) throw new Error(`the local database server (pid ${state.pid}) did not stop`);
    await sleep(50);
  }
  return true;
}
