import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLambdaClient } from '../src';

// A Lambda endpoint on loopback that accepts invokes and never answers, like a callee still running.
let server: Server;
let received: IncomingMessage[];

beforeEach(async () => {
  received = [];
  server = createServer((request) => {
    received.push(request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  vi.stubEnv('AWS_ENDPOINT_URL_LAMBDA', `http://127.0.0.1:${port}`);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createLambdaClient', () => {
  it('is configured for a single attempt', async () => {
    const client = createLambdaClient({ timeoutMs: 310_000, region: 'us-east-1' });

    expect(await client.config.maxAttempts()).toBe(1);
  });

  it('gives up after its timeout with one request sent and no retry', async () => {
    const client = createLambdaClient({ timeoutMs: 300, region: 'us-east-1' });

    const sent = client.send(new InvokeCommand({ FunctionName: 'alex-reporter', Payload: '{}' }));

    await expect(sent).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(received).toHaveLength(1);
    expect(received[0]?.url).toBe('/2015-03-31/functions/alex-reporter/invocations');
    client.destroy();
  });

  it('rejects a timeout that is not a positive number', () => {
    expect(() => createLambdaClient({ timeoutMs: 0 })).toThrow(RangeError);
  });
});
