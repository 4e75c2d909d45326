import { createLambdaContext } from '@alex/lambda-context';
import { taggerConfig } from './config';
import { createTaggerHandler } from './create-tagger-handler';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = taggerConfig(process.env);
const handle = createTaggerHandler({ ...(await createLambdaContext(config, 'tagger')) });

/** The tagger Lambda: `{instruments: [{symbol, name}]}` in, an AgentResponse out. */
export const handler = (event: unknown) => handle(event);
