import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { parseApiConfig } from './config';
import { apiLogger, lambdaDeps } from './lambda-deps';

// Ports built once per container; each request's log lines carry its Lambda request id and cold-start flag.
const env = parseApiConfig(process.env);
const { powertools, logger } = apiLogger(env);
const app = handle(createApp(await lambdaDeps(env, logger)));

type LambdaContext = Parameters<PowertoolsLogger['addContext']>[0];

/** The API Lambda (API Gateway HTTP API, payload format 2.0). */
export const handler = (event: Parameters<typeof app>[0], context: LambdaContext) => {
  powertools.addContext(context);
  // Each request draws again whether it logs at debug level (LOG_DEBUG_SAMPLE_RATE).
  powertools.refreshSampleRateCalculation();
  return app(event, context as unknown as Parameters<typeof app>[1]);
};
