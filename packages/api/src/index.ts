export * from './app';
export type { ApiDeps, AppEnv } from './app-env';
export * from './config';
export * from './errors';
export { openApiDocument } from './openapi';
export * from './rate-limit';
export * from './token-verifier';
