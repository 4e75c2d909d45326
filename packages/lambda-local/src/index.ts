export { LambdaLocalConfigError, LambdaLocalError, LambdaServiceError } from './errors';
export { type LocalFunctionConfig, lambdaEnvironment } from './function-pool';
export type { LogDestination, LogSink } from './log-sink';
export { functionArn, LOCAL_ACCOUNT_ID } from './resolve-function-name';
export {
  type LambdaEndpoint,
  type LambdaEndpointOptions,
  startLambdaEndpoint,
} from './start-lambda-endpoint';
export type { LambdaErrorPayload } from './worker-messages';
