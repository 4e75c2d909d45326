import { sqsJobQueue } from '@alex/aws-adapters';
import type { AnalysisJobMessage } from '@alex/contracts';
import { SQSClient } from '@aws-sdk/client-sqs';

/** Sends job messages to the jobs queue (the planner's sweep re-sends abandoned jobs with it). */
export function jobQueueSender(queueUrl: string): (message: AnalysisJobMessage) => Promise<unknown> {
  const queue = sqsJobQueue(new SQSClient({}), queueUrl);
  return (message) => queue.send(message);
}
