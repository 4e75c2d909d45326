export { LambdaLocalConfigError, LambdaLocalError } from './errors';
export type { LocalFunctionConfig } from './function-pool';
export type { LogDestination, LogSink } from './log-sink';
export {
  type LambdaEndpoint,
  type LambdaEndpointOptions,
  startLambdaEndpoint,
} from './start-lambda-endpoint';
