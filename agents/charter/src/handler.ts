import { createLambdaContext, type Invocation } from '@alex/lambda-context';
import { charterConfig } from './config';
import { createCharterHandler } from './create-charter-handler';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = charterConfig(process.env);
const context = await createLambdaContext(config, 'charter');
const handle = createCharterHandler({ ...context });

/** The charter Lambda: `{job_id}` in, an AgentResponse out. */
export const handler = (event: unknown, invocation?: Invocation) =>
  context.invoke(invocation, () => handle(event));
