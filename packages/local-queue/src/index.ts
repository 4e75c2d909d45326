// The producer is the same adapter the Lambdas and the CLI use in AWS.
export { type JobQueue, sqsJobQueue } from '@alex/aws-adapters';
export * from './create-lambda-context';
export * from './ensure-job-queues';
export * from './errors';
export * from './interpret-batch-response';
export type { MappingErrorListener, MappingErrorStage, SqsBatchHandler } from './process-batch';
export * from './queue-logger';
export * from './start-event-source-mapping';
export * from './start-local-sqs';
export * from './to-sqs-record';
