export * from './build/lambdas';
export type { LambdaManifest } from './build/manifest';
export { ZIP_BUDGET_BYTES } from './build/size-budget';
