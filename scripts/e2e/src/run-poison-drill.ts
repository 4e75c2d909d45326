import { randomUUID } from 'node:crypto';
import {
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { FullTestCheck } from './check-job';
import { clientSettings, type FullTestEnv } from './full-test-env';

/** Where dead letters land and how the drill judges their path there. */
export interface PoisonDrillOptions {
  dlqUrl: string;
  /** The queue's redrive `maxReceiveCount`; default 3. */
  maxReceiveCount?: number;
  /** Longest wait for the message in the DLQ; default 60 s (the queue's visibility timeout must be short). */
  timeoutMs?: number;
  /** How many times the event source mapping delivered a message id to the planner, when known (local cloud). */
  deliveries?: (messageId: string) => number;
  log?: (line: string) => void;
}

/** The outcome of the poison-message drill. */
export interface PoisonDrillResult {
  passed: boolean;
  messageId: string | null;
  durationMs: number;
  checks: FullTestCheck[];
}

async function findDeadLetter(client: SQSClient, dlqUrl: string, messageId: string, deadline: number) {
  while (Date.now() < deadline) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        // Leave other dead letters visible to whoever inspects the DLQ.
        VisibilityTimeout: 0,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    const found = Messages.find((message: Message) => message.MessageId === messageId);
    if (found) return found;
  }
  return null;
}

/**
 * Sends a malformed body to the job queue and checks that the planner reports it as a failure every time
 * until SQS moves it to the dead-letter queue after `maxReceiveCount` receives; deletes it from the DLQ.
 */
export async function runPoisonDrill(
  env: FullTestEnv,
  options: PoisonDrillOptions,
): Promise<PoisonDrillResult> {
  const started = Date.now();
  const maxReceiveCount = options.maxReceiveCount ?? 3;
  const client = new SQSClient(clientSettings(env, env.AWS_ENDPOINT_URL_SQS));
  try {
    // Unterminated JSON: the planner cannot read a job id from it, however often it is delivered.
    const body = `{"job_id": "poison-${randomUUID()}"`;
    const sent = await client.send(
      new SendMessageCommand({ QueueUrl: env.ALEX_QUEUE_URL, MessageBody: body }),
    );
    const messageId = sent.MessageId ?? '';
    options.log?.(`poison message ${messageId} sent`);
    const deadLetter = await findDeadLetter(
      client,
      options.dlqUrl,
      messageId,
      started + (options.timeoutMs ?? 60_000),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const checks: FullTestCheck[] = [
      {
        name: 'malformed message reaches the dead-letter queue',
        ok: deadLetter !== null && deadLetter.Body === body,
        detail: deadLetter ? `after ${seconds} s` : `not in the DLQ after ${seconds} s`,
      },
    ];
    if (deadLetter) {
      const received = Number(deadLetter.Attributes?.ApproximateReceiveCount ?? 0);
      const delivered = options.deliveries?.(messageId);
      checks.push({
        name: `it was delivered ${maxReceiveCount} times before`,
        ok: delivered === undefined ? received >= maxReceiveCount : delivered === maxReceiveCount,
        detail: `${delivered === undefined ? '' : `${delivered} deliveries to the planner, `}ApproximateReceiveCount ${received} in the DLQ`,
      });
      await client.send(
        new DeleteMessageCommand({ QueueUrl: options.dlqUrl, ReceiptHandle: deadLetter.ReceiptHandle }),
      );
    }
    const passed = checks.every((c) => c.ok);
    return { passed, messageId, durationMs: Date.now() - started, checks };
  } finally {
    client.destroy();
  }
}
