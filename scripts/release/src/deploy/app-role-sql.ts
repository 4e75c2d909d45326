import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** A role or database name the deploy writes into SQL: a plain lowercase PostgreSQL identifier. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL's default SCRAM iteration count (`scram_iterations`). */
const SCRAM_ITERATIONS = 4096;

/** Quotes a role or database name after checking it is a plain identifier (nothing to escape). */
export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain lowercase PostgreSQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, as `pg_authid.rolpassword`).
 * Sending the verifier instead of the password keeps the password out of statement logs and
 * pg_stat_statements. The password must be ASCII (the generated ones are letters and digits), for which
 * SASLprep changes nothing.
 */
export function scramSha256Verifier(
  password: string,
  salt: Buffer = randomBytes(16),
  iterations = SCRAM_ITERATIONS,
): string {
  // Printable ASCII only: no SASLprep, and nothing that could close the SQL literal the verifier goes in.
  if (!/^[\x21-\x7e]+$/.test(password)) throw new Error('the password must be printable ASCII');
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  const b64 = (bytes: Buffer) => bytes.toString('base64');
  return `SCRAM-SHA-256$${iterations}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`;
}

/** What the application role is called, its password's verifier, and the database it may use. */
export interface AppRoleOptions {
  role: string;
  /** From scramSha256Verifier: base64 and `$:` only, safe inside a SQL literal. */
  passwordVerifier: string;
  database: string;
}

/**
 * The statements that create or update the application role and give it data rights only, in order, one
 * per Data API call. Run by the migrations' user (the master user, owner of every table) after the
 * migrations; safe to run again: the role is created once and its password and grants re-applied.
 * - SELECT/INSERT/UPDATE/DELETE on every table, USAGE/SELECT on every sequence of schema public.
 * - The same for tables and sequences the migrations' user creates later (ALTER DEFAULT PRIVILEGES), so a
 *   new migration's tables are usable before the next deploy re-grants.
 * - No CREATE on the schema (no DDL), no ownership, no TRUNCATE, REFERENCES or TRIGGER: it cannot drop,
 *   alter or empty a table.
 */
export function appRoleStatements({ role, passwordVerifier, database }: AppRoleOptions): string[] {
  if (!/^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/.test(passwordVerifier)) {
    throw new Error('passwordVerifier must be a SCRAM-SHA-256 verifier');
  }
  const name = quoteIdentifier(role);
  const password = `'${passwordVerifier}'`;
  // A DO block: CREATE ROLE has no IF NOT EXISTS, and the statement must succeed on every deploy. ALTER
  // sets only LOGIN and the password: changing SUPERUSER or REPLICATION, even to NO, needs a superuser, which
  // Aurora's master user is not.
  const createOrUpdate = [
    'DO $$',
    'BEGIN',
    `  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN`,
    `    ALTER ROLE ${name} WITH LOGIN PASSWORD ${password};`,
    '  ELSE',
    `    CREATE ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${password};`,
    '  END IF;',
    'END',
    '$$',
  ].join('\n');
  return [
    createOrUpdate,
    `GRANT CONNECT ON DATABASE ${quoteIdentifier(database)} TO ${name}`,
    `GRANT USAGE ON SCHEMA public TO ${name}`,
    // PostgreSQL 15+ no longer lets every role create in public; state it rather than rely on the version.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${name}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${name}`,
  ];
}
