import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { parseApiConfig } from './config';
import { lambdaDeps } from './lambda-deps';

/** The API Lambda (API Gateway HTTP API, payload format 2.0); its ports are built once per container. */
export const handler = handle(createApp(await lambdaDeps(parseApiConfig(process.env))));
