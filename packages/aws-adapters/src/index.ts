export * from './errors';
export * from './extract-embedding';
export * from './lambda-invoker';
export * from './powertools-logger';
export * from './powertools-metrics';
export * from './s3-vectors-knowledge';
export * from './secrets';
export * from './sqs-job-queue';
