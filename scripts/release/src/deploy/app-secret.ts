import { randomInt } from 'node:crypto';
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 40 letters and digits: about 238 bits, and nothing to escape in SQL, JSON or a connection string. */
const PASSWORD_LENGTH = 40;

/** Where the application user connects, as stored beside its password (terraform/database outputs). */
export interface AppSecretTarget {
  secretArn: string;
  username: string;
  host: string;
  port: number;
  database: string;
  clusterIdentifier: string;
}

/** The secret's JSON: what the RDS Data API and PostgreSQL drivers expect of a database user's secret. */
const AppSecretValue = z.object({
  engine: z.literal('postgres'),
  host: z.string(),
  port: z.number().int(),
  dbname: z.string(),
  username: z.string(),
  password: z.string().regex(/^[A-Za-z0-9]{32,}$/),
  dbClusterIdentifier: z.string(),
});
type AppSecretValue = z.infer<typeof AppSecretValue>;

/** A new random password of letters and digits. */
export function generatePassword(): string {
  let password = '';
  for (let i = 0; i < PASSWORD_LENGTH; i += 1)
    password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

async function readCurrent(secrets: SecretsManagerClient, secretArn: string): Promise<unknown> {
  try {
    const out = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
    return out.SecretString === undefined ? undefined : JSON.parse(out.SecretString);
  } catch (error) {
    // Terraform creates the secret without a value: it has no AWSCURRENT version until the first deploy.
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** How the secret was left: its password, and whether this call wrote a new version. */
export interface AppSecretOutcome {
  password: string;
  action: 'kept' | 'created' | 'rotated' | 'updated';
}

/**
 * Makes the application user's secret hold a password and the current connection fields. A secret without
 * a value, or with one that is not a valid user secret, gets a new password; `rotate` forces one. A valid
 * secret keeps its password, and is rewritten only when the host, port, database or user changed.
 */
export async function ensureAppSecret(
  secrets: SecretsManagerClient,
  target: AppSecretTarget,
  options: { rotate: boolean },
): Promise<AppSecretOutcome> {
  const current = AppSecretValue.safeParse(await readCurrent(secrets, target.secretArn));
  const fields: Omit<AppSecretValue, 'password'> = {
    engine: 'postgres',
    host: target.host,
    port: target.port,
    dbname: target.database,
    username: target.username,
    dbClusterIdentifier: target.clusterIdentifier,
  };
  const keep = current.success && !options.rotate;
  const password = keep ? current.data.password : generatePassword();
  const value: AppSecretValue = { ...fields, password };
  const keys = Object.keys(value) as (keyof AppSecretValue)[];
  const unchanged = keep && keys.every((key) => current.data[key] === value[key]);
  if (unchanged) return { password, action: 'kept' };
  await secrets.send(
    new PutSecretValueCommand({ SecretId: target.secretArn, SecretString: JSON.stringify(value) }),
  );
  return { password, action: keep ? 'updated' : current.success ? 'rotated' : 'created' };
}
