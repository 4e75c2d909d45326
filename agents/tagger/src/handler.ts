import { createLambdaContext, type Invocation } from '@alex/lambda-context';
import { taggerConfig } from './config';
import { createTaggerHandler } from './create-tagger-handler';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = taggerConfig(process.env);
const context = await createLambdaContext(config, 'tagger');
const handle = createTaggerHandler({ ...context });

/** The tagger Lambda: `{instruments: [{symbol, name}]}` in, an AgentResponse out. */
export const handler = (event: unknown, invocation?: Invocation) =>
  context.invoke(invocation, () => handle(event));
