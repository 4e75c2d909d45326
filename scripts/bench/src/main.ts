import { benchCriticalPath, benchOfflineJobs } from './agents-bench';
import { benchApi } from './api-bench';
import { benchColdStart } from './cold-start';
import { benchDatabaseOpen } from './database-open';
import { benchPlans } from './plan-bench';
import { benchRetirement } from './retirement-bench';

// Benchmarks print figures; they assert nothing and never run as tests.
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`node ${process.version}, ${new Date().toISOString()}`);
await benchDatabaseOpen(log);
benchRetirement(log);
// The deterministic planner always; the model planner too when a model is configured in the environment.
await benchPlans(log);
await benchOfflineJobs(log);
await benchCriticalPath(log);
await benchApi(log);
// Cold starts read the bundles `pnpm build` wrote (the bench script builds first).
await benchColdStart(log);
