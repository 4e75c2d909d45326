import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { readSecretString } from '../src';

const secrets = mockClient(SecretsManagerClient);
afterEach(() => secrets.reset());

const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-polygon-AbCdEf';
const client = () => new SecretsManagerClient({ region: 'us-east-1' });

describe('readSecretString', () => {
  it('reads the secret once per client and serves repeated reads from memory', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'polygon-key' });
    const shared = client();

    const [first, second] = await Promise.all([readSecretString(shared, arn), readSecretString(shared, arn)]);
    const third = await readSecretString(shared, arn);

    expect([first, second, third]).toEqual([
      { ok: true, value: 'polygon-key' },
      { ok: true, value: 'polygon-key' },
      { ok: true, value: 'polygon-key' },
    ]);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secrets.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: arn });
  });

  it('reads again once the value is older than maxAgeMs', async () => {
    secrets.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'old' }).resolves({ SecretString: 'new' });
    const shared = client();
    let now = 0;

    await readSecretString(shared, arn, { maxAgeMs: 1_000, now: () => now });
    now = 1_000;
    const later = await readSecretString(shared, arn, { maxAgeMs: 1_000, now: () => now });

    expect(later).toEqual({ ok: true, value: 'new' });
  });

  it('returns a failure naming the secret and the error, and retries on the next read', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(
        new ResourceNotFoundException({
          message: 'Secrets Manager cannot find the specified secret.',
          $metadata: {},
        }),
      )
      .resolves({ SecretString: 'polygon-key' });
    const shared = client();

    const failed = await readSecretString(shared, arn);
    const retried = await readSecretString(shared, arn);

    expect(failed).toEqual({
      ok: false,
      error: `reading secret ${arn} failed: ResourceNotFoundException: Secrets Manager cannot find the specified secret.`,
    });
    expect(retried).toEqual({ ok: true, value: 'polygon-key' });
  });

  it('fails for a binary-only secret', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });

    expect(await readSecretString(client(), arn)).toEqual({
      ok: false,
      error: `secret ${arn} has no SecretString`,
    });
  });
});
