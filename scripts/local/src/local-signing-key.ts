import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode, nullIfMissing } from '@alex/errors';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  SignJWT,
} from 'jose';
import { z } from 'zod';

/** The issuer (`iss`) of every token signed by a local key; a verifier for any other issuer refuses them. */
export const LOCAL_ISSUER = 'alex-local';

/** The file, inside the data directory, that holds the local API's private signing key. */
export const SIGNING_KEY_FILE = 'api-signing-key.json';

const ALG = 'RS256';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PUBLIC_MEMBERS = ['kty', 'n', 'e', 'kid', 'alg', 'use'] as const;

/** A private RSA JWK as stored: every member a token signature and the public JWKS need. */
const StoredSigningKey = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal(ALG),
  use: z.literal('sig'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});
type StoredSigningKey = z.infer<typeof StoredSigningKey>;

/**
 * A user id as the users table stores it (`clerk_user_id varchar(255)`): 1 to 255 characters, no control
 * characters, no unpaired surrogates and no surrounding spaces (a token's `sub` is compared exactly).
 */
export const LocalUserId = z
  .string()
  .min(1, 'must not be empty')
  .refine((id) => [...id].length <= 255, 'must have at most 255 characters')
  .refine((id) => !/\p{Cc}/u.test(id), 'must not contain control characters')
  .refine((id) => !LONE_SURROGATE.test(id), 'must be valid Unicode (an unpaired surrogate was found)')
  .refine((id) => id.trim() === id, 'must not start or end with spaces');

/** What a local token says about its user. */
export interface LocalTokenClaims {
  userId: string;
  name?: string;
  email?: string;
  /** Seconds until the token expires (default 3600). */
  ttlSeconds?: number;
  /** When the token is issued (default now); tests sign tokens that have already expired. */
  now?: Date;
}

async function createKey(): Promise<StoredSigningKey> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return StoredSigningKey.parse({ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALG, use: 'sig' });
}

async function readKey(file: string): Promise<StoredSigningKey | null> {
  const text = await readFile(file, 'utf8').catch(nullIfMissing);
  if (text === null) return null;
  let parsed: ReturnType<typeof StoredSigningKey.safeParse> | null = null;
  try {
    parsed = StoredSigningKey.safeParse(JSON.parse(text));
  } catch {
    // Not JSON: reported below like any other malformed key file.
  }
  if (!parsed?.success)
    throw new Error(`${file} is not a private RSA signing key: delete it to create a new one`);
  return parsed.data;
}

/**
 * The data directory's signing key, created on first use. The new key is written to a private temporary
 * file (mode 0600) and then hard-linked into place, which fails if the file exists: of two processes racing,
 * exactly one key lands and both read and use it, and no reader ever sees a half-written file.
 */
export async function loadLocalSigningKey(dataDir: string): Promise<StoredSigningKey> {
  const file = join(dataDir, SIGNING_KEY_FILE);
  const existing = await readKey(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(await createKey())}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  const stored = await readKey(file);
  if (!stored) throw new Error(`${file} vanished while it was being created`);
  return stored;
}

/** The public JWKS of the data directory's signing key (what `GET /.well-known/jwks.json` serves). */
export async function localJwks(dataDir: string): Promise<JSONWebKeySet> {
  const key = await loadLocalSigningKey(dataDir);
  const publicKey: JWK = Object.fromEntries(PUBLIC_MEMBERS.map((member) => [member, key[member]]));
  return { keys: [publicKey] };
}

/** Signs a token for `userId` with the data directory's key: RS256, `iss` {@link LOCAL_ISSUER}, `sub` the id. */
export async function signLocalToken(dataDir: string, claims: LocalTokenClaims): Promise<string> {
  const sub = LocalUserId.parse(claims.userId);
  const key = await loadLocalSigningKey(dataDir);
  const privateKey = await importJWK(key, ALG);
  const issuedAt = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    ...(claims.name === undefined ? {} : { name: claims.name }),
    ...(claims.email === undefined ? {} : { email: claims.email }),
  })
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setSubject(sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (claims.ttlSeconds ?? 3600))
    .sign(privateKey);
}
