// The producer is the same adapter the Lambdas and the CLI use in AWS.
export { type JobQueue, sqsJobQueue } from '@alex/aws-adapters';
export { ensureJobQueues, type JobQueues, type JobQueuesConfig } from './ensure-job-queues';
export { LocalQueueConfigError, LocalQueueError } from './errors';
export type { MappingErrorListener, MappingErrorStage, SqsBatchHandler } from './process-batch';
export { consoleQueueLogger, type QueueLogger, silentQueueLogger } from './queue-logger';
export {
  type EventSourceMapping,
  type EventSourceMappingOptions,
  startEventSourceMapping,
} from './start-event-source-mapping';
export { type LocalSqs, type LocalSqsClientConfig, startLocalSqs } from './start-local-sqs';
