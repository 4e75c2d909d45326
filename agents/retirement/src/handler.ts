import { createLambdaContext, type Invocation } from '@alex/lambda-context';
import { retirementConfig } from './config';
import { createRetirementHandler } from './create-retirement-handler';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = retirementConfig(process.env);
const context = await createLambdaContext(config, 'retirement');
const handle = createRetirementHandler({ ...context, paths: config.RETIREMENT_PATHS });

/** The retirement Lambda: `{job_id}` in, an AgentResponse out. */
export const handler = (event: unknown, invocation?: Invocation) =>
  context.invoke(invocation, () => handle(event));
