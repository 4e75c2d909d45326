import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeCommand, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { expect, it, vi } from 'vitest';
import { LambdaLocalConfigError, startLambdaEndpoint } from '../src/index';
import {
  connectClient,
  fixture,
  payloadOf,
  processExists,
  startFixtureEndpoint,
} from './support/local-lambda';

const handles = () =>
  process.getActiveResourcesInfo().filter((type) => type === 'ProcessWrap' || type === 'TCPServerWrap');

it('kills every function process, stops listening and leaves no handles on close', async () => {
  const before = handles();
  const local = await startFixtureEndpoint({ echo: {}, sleeps: {} });
  const echo = payloadOf(await local.invoke('echo', {})) as { pid: number };
  // One invocation still running when the endpoint closes.
  const running = local.invoke('sleeps', { ms: 10_000 }).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const [sleeping] = local.endpoint.pids('sleeps');
  await local.endpoint.close();
  expect(payloadOf((await running) as InvokeCommandOutput)).toMatchObject({ errorType: 'Runtime.ExitError' });
  await local.stop();
  expect(processExists(echo.pid)).toBe(false);
  expect(sleeping).toBeTypeOf('number');
  expect(processExists(sleeping ?? 0)).toBe(false);
  // Handle closing finishes asynchronously in libuv; allow it a moment, but it must happen.
  await vi.waitFor(() => expect(handles()).toEqual(before), { timeout: 2000 });
  await expect(fetch(`${local.endpoint.endpoint}/2015-03-31/functions/echo/invocations`)).rejects.toThrow();
});

it('refuses a function whose bundle does not exist, naming it', async () => {
  await expect(
    startLambdaEndpoint({
      functions: {
        echo: { bundle: fixture('echo'), env: {}, timeoutSeconds: 3 },
        missing: { bundle: fixture('missing'), env: {}, timeoutSeconds: 3 },
      },
    }),
  ).rejects.toThrow(
    new LambdaLocalConfigError(`invalid functions: missing: bundle ${fixture('missing')} does not exist`),
  );
});

it('appends function logs to a file, flushed by close', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'local-lambda-'));
  const file = join(dir, 'functions.log');
  try {
    const lambda = await startLambdaEndpoint({
      functions: { throws: { bundle: fixture('throws'), env: {}, timeoutSeconds: 3 } },
      logs: { file },
    });
    const client = connectClient(lambda.endpoint);
    await client.send(new InvokeCommand({ FunctionName: 'throws', Payload: '{"n":2}' }));
    client.destroy();
    await lambda.close();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\[throws\] START RequestId: /);
    expect(lines).toContain('[throws] about to fail for {"n":2}');
    expect(lines.at(-1)).toMatch(/^\[throws\] REPORT RequestId: /);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
