import { benchCriticalPath, benchMonteCarlo, benchOfflineJobs } from './agents-bench';
import { benchDatabaseOpen } from './database-open';

// Benchmarks print figures; they assert nothing and never run as tests.
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`node ${process.version}, ${new Date().toISOString()}`);
await benchDatabaseOpen(log);
benchMonteCarlo(log);
await benchOfflineJobs(log);
await benchCriticalPath(log);
