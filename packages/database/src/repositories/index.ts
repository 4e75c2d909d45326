import type { AlexDatabase } from '../drivers/alex-database';
import { type AccountsRepository, accountsRepository } from './accounts';
import { type InstrumentsRepository, instrumentsRepository } from './instruments';
import { type JobsRepository, jobsRepository } from './jobs';
import { type MarketNotesRepository, marketNotesRepository } from './market-notes';
import { type PortfoliosRepository, portfoliosRepository } from './portfolios';
import { type PositionsRepository, positionsRepository } from './positions';
import { type UserJobsRepository, userJobsRepository } from './user-jobs';
import { type UsersRepository, usersRepository } from './users';

export * from './accounts';
export * from './import-portfolio';
export * from './instruments';
export * from './jobs';
export * from './market-notes';
export * from './portfolios';
export * from './positions';
export * from './user-jobs';
export * from './users';

/** Every repository over one database handle. */
export interface Repositories {
  users: UsersRepository;
  instruments: InstrumentsRepository;
  portfolios: PortfoliosRepository;
  jobs: JobsRepository;
  marketNotes: MarketNotesRepository;
  /** One user's accounts, positions and jobs, each function filtered by the owner (the HTTP API's). */
  accounts: AccountsRepository;
  positions: PositionsRepository;
  userJobs: UserJobsRepository;
}

/** Builds every repository over one database (or transaction). */
export function createRepositories(db: AlexDatabase): Repositories {
  return {
    users: usersRepository(db),
    instruments: instrumentsRepository(db),
    portfolios: portfoliosRepository(db),
    jobs: jobsRepository(db),
    marketNotes: marketNotesRepository(db),
    accounts: accountsRepository(db),
    positions: positionsRepository(db),
    userJobs: userJobsRepository(db),
  };
}
