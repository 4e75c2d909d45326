import { ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadOf, processExists, startFixtureEndpoint } from './support/local-lambda';

type Local = Awaited<ReturnType<typeof startFixtureEndpoint>>;
let local: Local;

beforeAll(async () => {
  local = await startFixtureEndpoint({
    echo: {
      env: (endpoint) => ({ GREETING: 'hello', AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_LAMBDA: endpoint }),
    },
    throws: {},
    sleeps: { timeoutSeconds: 1 },
    crashes: {},
    'no-handler': {},
  });
});
afterAll(() => local.stop());

interface EchoPayload {
  event: unknown;
  pid: number;
  startedAt: number;
  requestId: string;
  functionName: string;
  remainingMs: number;
  env: Record<string, string | null>;
}

describe('startLambdaEndpoint with the real LambdaClient', () => {
  it("returns the handler's JSON, run with the function's environment and not the parent's", async () => {
    const output = await local.invoke('echo', { hello: 'world' });
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBeUndefined();
    expect(output.ExecutedVersion).toBe('$LATEST');
    const payload = payloadOf(output) as EchoPayload;
    expect(payload).toMatchObject({ event: { hello: 'world' }, functionName: 'echo' });
    expect(payload.env).toEqual({
      GREETING: 'hello',
      AWS_LAMBDA_FUNCTION_NAME: 'echo',
      AWS_REGION: 'eu-west-1',
      TZ: 'UTC',
      VITEST: null,
      AWS_ENDPOINT_URL_LAMBDA: local.endpoint.endpoint,
    });
    expect(payload.remainingMs).toBeGreaterThan(0);
    expect(payload.remainingMs).toBeLessThanOrEqual(5000);
  });

  it('reuses the warm process for the next invocation, with a new request id', async () => {
    const first = payloadOf(await local.invoke('echo', {})) as EchoPayload;
    const second = payloadOf(await local.invoke('echo', {})) as EchoPayload;
    expect(second.pid).toBe(first.pid);
    expect(second.startedAt).toBe(first.startedAt);
    expect(second.requestId).not.toBe(first.requestId);
  });

  it('accepts a function ARN and refuses a version that does not exist locally', async () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:echo';
    expect((payloadOf(await local.invoke(arn, { via: 'arn' })) as EchoPayload).event).toEqual({ via: 'arn' });
    await expect(local.invoke('echo', {}, { Qualifier: '3' })).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('reports a thrown error as an Unhandled function error with the error type and message', async () => {
    const output = await local.invoke('throws', { n: 1 }, { LogType: 'Tail' });
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBe('Unhandled');
    expect(payloadOf(output)).toEqual({
      errorType: 'ChartFailure',
      errorMessage: 'the chart could not be drawn',
      trace: [],
    });
    const tail = Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
    expect(tail).toContain('about to fail for {"n":1}');
    expect(tail).toMatch(/^START RequestId: \S+ Version: \$LATEST/);
    expect(local.lines).toContain('[throws] about to fail for {"n":1}');
  });

  it('kills a function at its timeout, reports Task timed out, and starts a new process next time', async () => {
    const warm = payloadOf(await local.invoke('sleeps', { ms: 0 })) as { pid: number };
    const output = await local.invoke('sleeps', { ms: 3000 });
    expect(output.FunctionError).toBe('Unhandled');
    const payload = payloadOf(output) as { errorMessage: string };
    expect(payload.errorMessage).toMatch(/ Task timed out after 1\.00 seconds$/);
    expect(processExists(warm.pid)).toBe(false);
    const next = payloadOf(await local.invoke('sleeps', { ms: 0 })) as { pid: number };
    expect(next.pid).not.toBe(warm.pid);
  });

  it('answers an unknown function with 404 ResourceNotFoundException', async () => {
    const error = await local.invoke('alex-nothing', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({
      $metadata: { httpStatusCode: 404 },
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:alex-nothing',
    });
  });

  it('runs concurrent invocations in separate processes, one invocation per process', async () => {
    const outputs = await Promise.all([1, 2, 3].map(() => local.invoke('sleeps', { ms: 300 })));
    const pids = outputs.map((output) => (payloadOf(output) as { pid: number }).pid);
    expect(new Set(pids).size).toBe(3);
    expect(local.endpoint.pids('sleeps').sort()).toEqual([...pids].sort());
  });

  it('reports a process that exits mid-invocation as Runtime.ExitError', async () => {
    const output = await local.invoke('crashes', {});
    expect(output.FunctionError).toBe('Unhandled');
    expect(payloadOf(output)).toMatchObject({
      errorType: 'Runtime.ExitError',
      errorMessage: expect.stringContaining('exit status 3'),
    });
    expect(local.endpoint.pids('crashes')).toEqual([]);
  });

  it('reports a bundle without the handler export as Runtime.HandlerNotFound', async () => {
    const output = await local.invoke('no-handler', {});
    expect(output.FunctionError).toBe('Unhandled');
    expect(payloadOf(output)).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'no-handler.handler is undefined or not exported',
    });
  });
});
