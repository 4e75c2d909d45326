import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { withTrace } from '@openai/agents-core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createLambdaContext, type LambdaContext } from '../src';
import { useFakeLangfuse } from './support/fake-langfuse';
import { agentEnv } from './support/local-aurora';
import { captureStdoutLines } from './support/stdout-lines';

const secrets = mockClient(SecretsManagerClient);
const langfuse = useFakeLangfuse();
const stdout = captureStdoutLines();

afterEach(() => {
  secrets.reset();
});

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-langfuse-Q1w2E3';
const EXPORT = 'POST /api/public/otel/v1/traces';

const langfuseEnv = () =>
  agentEnv({
    LANGFUSE_PUBLIC_KEY: 'pk-lf-alex',
    LANGFUSE_SECRET_ARN: SECRET_ARN,
    LANGFUSE_HOST: langfuse.url(),
  });

/** One invocation whose work runs inside an Agents SDK trace, as an agent run does. */
const tracedInvocation = (context: LambdaContext, work: () => Promise<string>) =>
  context.invoke({ getRemainingTimeInMillis: () => 60_000 }, () => withTrace('reporter job', work));

describe('createLambdaContext tracing', () => {
  it('reads the Langfuse secret named by the env and exports the invocation’s trace with it before returning', async () => {
    secrets
      .on(GetSecretValueCommand, { SecretId: SECRET_ARN })
      .resolves({ SecretString: 'sk-lf-from-secrets' });
    const context = await createLambdaContext(langfuseEnv(), 'reporter');

    expect(await tracedInvocation(context, async () => 'report stored')).toBe('report stored');

    expect(langfuse.requests).toEqual([
      {
        path: EXPORT,
        authorization: `Basic ${Buffer.from('pk-lf-alex:sk-lf-from-secrets').toString('base64')}`,
      },
    ]);
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([
      { SecretId: SECRET_ARN },
    ]);
  });

  it('flushes the traces of an invocation whose work fails, and rethrows the failure', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'sk-lf-from-secrets' });
    const context = await createLambdaContext(langfuseEnv(), 'reporter');

    // The model's trace has ended; storing the result afterwards fails.
    await expect(
      context.invoke(undefined, async () => {
        await withTrace('reporter job', async () => 'report written');
        throw new Error('report could not be stored');
      }),
    ).rejects.toThrow('report could not be stored');

    expect(langfuse.requests.map((request) => request.path)).toEqual([EXPORT]);
  });

  it('turns tracing off with a warning that names the secret but not a value when it cannot be read', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'Secrets Manager can’t find the secret.', $metadata: {} }),
      );
    const context = await createLambdaContext(langfuseEnv(), 'reporter');

    expect(await tracedInvocation(context, async () => 'report stored')).toBe('report stored');

    expect(langfuse.requests).toEqual([]);
    expect(stdout.all()).toEqual([
      expect.objectContaining({
        level: 'WARN',
        service: 'reporter',
        message: 'Langfuse secret unreadable; tracing off',
        error: expect.stringContaining(SECRET_ARN),
      }),
    ]);
  });

  it('turns tracing off when the secret has no string value', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2, 3]) });
    const context = await createLambdaContext(langfuseEnv(), 'reporter');

    await tracedInvocation(context, async () => 'report stored');

    expect(langfuse.requests).toEqual([]);
    expect(stdout.all().map((line) => line.message)).toEqual(['Langfuse secret unreadable; tracing off']);
  });

  it('reads no secret and exports nothing unless both the public key and the secret ARN are set', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'sk-lf-from-secrets' });
    const host = { LANGFUSE_HOST: langfuse.url() };

    for (const keys of [{ LANGFUSE_PUBLIC_KEY: 'pk-lf-alex' }, { LANGFUSE_SECRET_ARN: SECRET_ARN }, {}]) {
      const context = await createLambdaContext(agentEnv({ ...host, ...keys }), 'reporter');
      expect(await tracedInvocation(context, async () => 'report stored')).toBe('report stored');
    }

    expect(secrets.commandCalls(GetSecretValueCommand)).toEqual([]);
    expect(langfuse.requests).toEqual([]);
  });
});
