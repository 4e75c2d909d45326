import { createMemoryLogger, systemClock } from '@alex/runtime';
import type { SeededDatabase } from './seeded-database';

/** What every agent's core takes besides its model: the database's repositories, a fresh logger, the clock. */
export function agentDeps(database: SeededDatabase, agent: string) {
  return { repos: database.repos, logger: createMemoryLogger(agent), clock: systemClock };
}
