export * from './create-lambda-context';
export * from './job-queue-sender';
