import type { JobQueue } from '@alex/aws-adapters';
import type { AnalysisJobMessage } from '@alex/contracts';
import { type Clock, createMemoryLogger } from '@alex/runtime';
import { openSeededDatabase, type SeededDatabase } from '@alex/testing';
import { afterAll, beforeAll } from 'vitest';
import { type ApiDeps, createApp } from '../../src';
import { testKeys } from './tokens';

/** A queue that records what it is sent, or fails every send while `failing` is set. */
function recordingQueue(): JobQueue & { sent: AnalysisJobMessage[]; failing: boolean } {
  const queue = {
    sent: [] as AnalysisJobMessage[],
    failing: false,
    async send(body: string | object) {
      if (queue.failing) throw new Error('SendMessage failed: queue unreachable');
      queue.sent.push(body as AnalysisJobMessage);
      return { messageId: `message-${queue.sent.length}` };
    },
  };
  return queue;
}

/** What a test request returns: the status and the parsed JSON body. */
interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read reply fields by name
  body: any;
  headers: Headers;
}

/** A request as a test sends it: as a user (a valid token) or with the given headers, and a JSON or raw body. */
interface Call {
  as?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

/** The app over a fresh seeded PGlite, a recording queue and a memory logger, opened before the file's tests. */
export function useTestApi(
  options: { authorizedParties?: string[]; rateLimit?: ApiDeps['rateLimit']; clock?: Clock } = {},
) {
  const { rateLimit, clock, ...rules } = options;
  const api = {} as {
    database: SeededDatabase;
    queue: ReturnType<typeof recordingQueue>;
    logger: ReturnType<typeof createMemoryLogger>;
    keys: Awaited<ReturnType<typeof testKeys>>;
    app: ReturnType<typeof createApp>;
    call(method: string, path: string, call?: Call): Promise<Reply>;
  };
  beforeAll(async () => {
    api.database = await openSeededDatabase();
    api.queue = recordingQueue();
    api.logger = createMemoryLogger('api');
    api.keys = await testKeys(rules);
    api.app = createApp({
      repos: api.database.repos,
      queue: api.queue,
      verifyToken: api.keys.verifyToken,
      corsOrigins: ['http://localhost:3000'],
      logger: api.logger,
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(clock ? { clock } : {}),
    });
    api.call = async (method, path, call = {}) => {
      const headers: Record<string, string> = { ...call.headers };
      if (call.as) headers.Authorization = `Bearer ${await api.keys.sign(call.as)}`;
      if (call.json !== undefined) headers['Content-Type'] = 'application/json';
      const body = call.json !== undefined ? JSON.stringify(call.json) : call.body;
      const response = await api.app.request(path, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    };
  });
  afterAll(() => api.database.close());
  return api;
}
