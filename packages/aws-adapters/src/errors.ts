import { AlexError } from '@alex/errors';

/** Base class for errors of the AWS adapters. */
export class AwsAdapterError extends AlexError {
  override name = 'AwsAdapterError';
}

/** A job message could not be sent to the queue (the caller should mark the job failed). */
export class JobQueueError extends AwsAdapterError {
  override name = 'JobQueueError';
}
