import { lambdaInvoker } from '@alex/aws-adapters';
import { createLambdaContext, type Invocation, jobQueueSender } from '@alex/lambda-context';
import { plannerConfig } from './config';
import { createPlannerHandler } from './create-planner-handler';
import { plannerMarketData } from './market-data';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = plannerConfig(process.env);
const context = await createLambdaContext(config, 'planner');
const invoker = lambdaInvoker({
  functionNames: {
    tagger: config.TAGGER_FUNCTION,
    reporter: config.REPORTER_FUNCTION,
    charter: config.CHARTER_FUNCTION,
    retirement: config.RETIREMENT_FUNCTION,
  },
  timeoutMs: config.INVOKE_TIMEOUT_MS,
});
// Each invocation claims its job as `lambda:<awsRequestId>` and bounds database retries by its deadline.
const handle = createPlannerHandler(
  {
    ...context,
    invoker,
    marketData: await plannerMarketData(config, context),
    leaseMs: config.JOB_LEASE_SECONDS * 1000,
  },
  {
    maxReceives: config.MAX_RECEIVE_COUNT,
    ...(config.JOBS_QUEUE_URL ? { enqueue: jobQueueSender(config.JOBS_QUEUE_URL) } : {}),
  },
);

/** The planner Lambda: SQS batches (partial batch failures reported), a direct `{job_id}`, or `{"sweep": true}`. */
export const handler = (event: unknown, invocation?: Invocation) =>
  context.invoke(invocation, () => handle(event, invocation));
