import { createLambdaContext } from '@alex/lambda-context';
import { charterConfig } from './config';
import { createCharterHandler } from './create-charter-handler';

// Built once per container: configuration errors fail the cold start loudly, naming every variable.
const config = charterConfig(process.env);
const handle = createCharterHandler({ ...(await createLambdaContext(config, 'charter')) });

/** The charter Lambda: `{job_id}` in, an AgentResponse out. */
export const handler = (event: unknown) => handle(event);
