import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AppSecretTarget, ensureAppSecret, generatePassword } from '../../src/deploy/app-secret';
import { secretsMock } from './deploy-harness';

// The project's one mock of the class: files share modules (isolate: false).
const secrets = new SecretsManagerClient({ region: 'us-east-1' });

const TARGET: AppSecretTarget = {
  secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-cluster-alex-app-1-AbCdEf',
  username: 'alex_app',
  host: 'alex-aurora-cluster.cluster-abc.us-east-1.rds.amazonaws.com',
  port: 5432,
  database: 'alex',
  clusterIdentifier: 'alex-aurora-cluster',
};
const STORED = {
  engine: 'postgres',
  host: TARGET.host,
  port: 5432,
  dbname: 'alex',
  username: 'alex_app',
  password: 'Stored0Password0Of0Forty0Characters00000',
  dbClusterIdentifier: 'alex-aurora-cluster',
};

/** The JSON value of the one PutSecretValue call, or undefined when nothing was written. */
function written(): Record<string, unknown> | undefined {
  const calls = secretsMock.commandCalls(PutSecretValueCommand);
  expect(calls.length).toBeLessThanOrEqual(1);
  const input = calls[0]?.args[0].input;
  if (!input) return undefined;
  expect(input.SecretId).toBe(TARGET.secretArn);
  return JSON.parse(input.SecretString ?? '');
}

beforeEach(() => {
  secretsMock.reset();
  secretsMock.on(PutSecretValueCommand).resolves({});
});

describe('ensureAppSecret', () => {
  it('writes a new password and the connection fields into a secret Terraform left empty', async () => {
    secretsMock.on(GetSecretValueCommand).rejects(
      Object.assign(new Error("can't find the specified secret value"), {
        name: 'ResourceNotFoundException',
      }),
    );
    const outcome = await ensureAppSecret(secrets, TARGET, { rotate: false });
    expect(outcome.action).toBe('created');
    expect(outcome.password).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(written()).toEqual({ ...STORED, password: outcome.password });
  });

  it('keeps a valid secret as it is, writing nothing', async () => {
    secretsMock.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(STORED) });
    expect(await ensureAppSecret(secrets, TARGET, { rotate: false })).toEqual({
      password: STORED.password,
      action: 'kept',
    });
    expect(written()).toBeUndefined();
  });

  it('keeps the password but rewrites the fields when the endpoint changed', async () => {
    secretsMock
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ ...STORED, host: 'old-endpoint.example.com' }) });
    const outcome = await ensureAppSecret(secrets, TARGET, { rotate: false });
    expect(outcome).toEqual({ password: STORED.password, action: 'updated' });
    expect(written()).toEqual(STORED);
  });

  it('writes a new password when asked to rotate, or when the stored one is not a valid user secret', async () => {
    secretsMock.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(STORED) });
    const rotated = await ensureAppSecret(secrets, TARGET, { rotate: true });
    expect(rotated.action).toBe('rotated');
    expect(rotated.password).not.toBe(STORED.password);
    expect(written()).toEqual({ ...STORED, password: rotated.password });

    secretsMock.reset();
    secretsMock.on(PutSecretValueCommand).resolves({});
    secretsMock
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ ...STORED, password: 'short' }) });
    const replaced = await ensureAppSecret(secrets, TARGET, { rotate: false });
    expect(replaced.action).toBe('created');
    expect(written()?.password).toBe(replaced.password);
  });

  it('lets any other Secrets Manager error through', async () => {
    secretsMock
      .on(GetSecretValueCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(ensureAppSecret(secrets, TARGET, { rotate: false })).rejects.toThrow('denied');
    expect(written()).toBeUndefined();
  });
});

describe('generatePassword', () => {
  it('makes 40 letters and digits, different each time', () => {
    const passwords = new Set(Array.from({ length: 20 }, generatePassword));
    expect(passwords.size).toBe(20);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});
