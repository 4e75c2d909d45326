import { describeError } from '@alex/errors';
import type { Result } from '@alex/runtime';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** A secret read: its string value, or why it could not be read (the value never appears in an error). */
export type SecretResult = Result<string>;

/** Options of {@link readSecretString}. */
export interface ReadSecretOptions {
  /** How long a value is reused in this process; default: for the life of the process. */
  maxAgeMs?: number;
  now?: () => number;
}

// Per client, so separate clients (and tests) never share values; reads in flight are shared too.
const caches = new WeakMap<SecretsManagerClient, Map<string, { value: Promise<SecretResult>; at: number }>>();

/**
 * Reads a Secrets Manager secret's `SecretString` once per process (e.g. the Polygon key, the Langfuse
 * secret); a failed read is not cached, and the value is never logged or put in an error.
 */
export function readSecretString(
  client: SecretsManagerClient,
  secretId: string,
  options: ReadSecretOptions = {},
): Promise<SecretResult> {
  const now = options.now ?? Date.now;
  const cache = caches.get(client) ?? new Map<string, { value: Promise<SecretResult>; at: number }>();
  caches.set(client, cache);
  const cached = cache.get(secretId);
  if (cached && (options.maxAgeMs === undefined || now() - cached.at < options.maxAgeMs)) return cached.value;
  const value = fetchSecret(client, secretId).then((result) => {
    if (!result.ok) cache.delete(secretId);
    return result;
  });
  cache.set(secretId, { value, at: now() });
  return value;
}

async function fetchSecret(client: SecretsManagerClient, secretId: string): Promise<SecretResult> {
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (typeof output.SecretString !== 'string' || output.SecretString === '') {
      return { ok: false, error: `secret ${secretId} has no SecretString` };
    }
    return { ok: true, value: output.SecretString };
  } catch (error) {
    return { ok: false, error: `reading secret ${secretId} failed: ${describeError(error)}` };
  }
}
