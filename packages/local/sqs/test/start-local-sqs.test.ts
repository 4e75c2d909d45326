import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { CreateQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalSqs, startLocalSqs } from '../src';

function tryConnect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const externalIPv4 = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const portOf = (sqs: LocalSqs) => Number(new URL(sqs.endpoint).port);

async function start(): Promise<LocalSqs> {
  const sqs = await startLocalSqs();
  cleanups.push(() => sqs.close());
  return sqs;
}

function clientFor(sqs: LocalSqs): SQSClient {
  const client = new SQSClient(sqs.clientConfig);
  cleanups.push(async () => client.destroy());
  return client;
}

describe('startLocalSqs', () => {
  it('listens on 127.0.0.1 on a free port', async () => {
    const first = await start();
    const second = await start();
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(portOf(second)).not.toBe(portOf(first));
    expect(await tryConnect('127.0.0.1', portOf(first))).toBe('connected');
  });

  it.skipIf(!externalIPv4)('refuses connections on a non-loopback interface', async () => {
    const sqs = await start();
    expect(await tryConnect(externalIPv4 ?? '', portOf(sqs))).toBe('ECONNREFUSED');
  });

  // Why startLocalSqs does not call startFauxqs: its `host` option only names the host in queue URLs.
  it.skipIf(!externalIPv4)('works around startFauxqs, which listens on every interface', async () => {
    const server = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1' });
    cleanups.push(() => server.stop());
    expect(await tryConnect(externalIPv4 ?? '', server.port)).toBe('connected');
  });

  it('serves the AWS JSON protocol to the real SQS client', async () => {
    const sqs = await start();
    const client = clientFor(sqs);
    const created = await client.send(new CreateQueueCommand({ QueueName: 'protocol-check' }));
    expect(created.QueueUrl).toMatch(/\/000000000000\/protocol-check$/);
  });

  it('keeps queues only in memory, so a restart starts empty', async () => {
    const first = await start();
    await clientFor(first).send(new CreateQueueCommand({ QueueName: 'ephemeral' }));
    await first.close();
    const second = await start();
    await expect(clientFor(second).send(new GetQueueUrlCommand({ QueueName: 'ephemeral' }))).rejects.toThrow(
      /does not exist/i,
    );
  });
});
