import { formatIssues } from '@alex/errors';
import { LocalUserId, SIGNING_KEY_FILE, signLocalToken } from '@alex/local-stack/signing-key';
import { UsageError } from '../errors';
import { localDataDir } from '../local-database';
import type { CommandContext } from './command';

const MAX_TTL_SECONDS = 30 * 24 * 3600;

function ttlSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > MAX_TTL_SECONDS)
    throw new UsageError(
      `--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}, got "${value}"`,
    );
  return seconds;
}

/** `alex token --user ID`: prints a token signed by the local key (stdout holds the token alone). */
export async function token(context: CommandContext): Promise<void> {
  const { flags, output } = context;
  if (typeof flags.user !== 'string')
    throw new UsageError('--user ID is required (e.g. --user test_user_001)');
  const user = LocalUserId.safeParse(flags.user);
  if (!user.success) throw new UsageError(formatIssues(user.error, { root: '--user' }));
  const ttl = ttlSeconds(typeof flags.ttl === 'string' ? flags.ttl : undefined);
  const dataDir = localDataDir();
  const signed = await signLocalToken(dataDir, {
    userId: user.data,
    ...(typeof flags.name === 'string' ? { name: flags.name } : {}),
    ...(typeof flags.email === 'string' ? { email: flags.email } : {}),
    ...(ttl === undefined ? {} : { ttlSeconds: ttl }),
  });
  output.log(`token for ${user.data}, valid ${ttl ?? 3600}s, signed with ${dataDir}/${SIGNING_KEY_FILE}`);
  if (process.env.CLERK_JWKS_URL)
    output.log('note: CLERK_JWKS_URL is set, so `alex serve` verifies Clerk tokens and refuses this one');
  output.result(signed, () => signed);
}
