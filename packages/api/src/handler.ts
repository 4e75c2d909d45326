import { type LambdaLogContext, lambdaLogger } from '@alex/aws-adapters';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { parseApiConfig } from './config';
import { lambdaDeps } from './lambda-deps';

// Ports built once per container; each request's log lines carry its Lambda request id and cold-start flag.
const env = parseApiConfig(process.env);
const { logger, startInvocation } = lambdaLogger('api', {
  level: env.LOG_LEVEL,
  debugSampleRate: env.LOG_DEBUG_SAMPLE_RATE,
});
const app = handle(createApp(await lambdaDeps(env, logger)));

/** The API Lambda (API Gateway HTTP API, payload format 2.0). */
export const handler = (event: Parameters<typeof app>[0], context: LambdaLogContext) => {
  startInvocation(context);
  return app(event, context as unknown as Parameters<typeof app>[1]);
};
