import { type DataApiServer, startDataApiServer } from '@alex/local-data-api';
import { COMMON_ENV_SOURCES, CommonAgentEnv, parseConfig } from '@alex/runtime';
import { openPgliteTemplate } from '@alex/testing';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, vi } from 'vitest';
import { openSwitchableLink, type SwitchableLink } from './switchable-link';

/** The Aurora cluster, secret and database the test environment names. */
const AURORA = {
  DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex-aurora',
  DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-AbCdEf',
  DATABASE_NAME: 'alex',
};

/** An agent Lambda's environment, parsed as its config.ts does: the test Aurora, the offline model, `overrides`. */
export function agentEnv(overrides: Record<string, string> = {}): CommonAgentEnv {
  return parseConfig(
    CommonAgentEnv,
    { ...AURORA, LLM_PROVIDER: 'offline', ...overrides },
    COMMON_ENV_SOURCES,
  );
}

/** The network between the Lambda and the cluster, which a test can cut for a while. */
export interface LocalAurora {
  /** Resets every connection to the cluster (ECONNRESET) until `reconnect`. */
  disconnect(): void;
  reconnect(): void;
}

// A copy of the run's migrated and seeded template (vitest's global setup writes it once per run).
const seededPglite = () => openPgliteTemplate('seeded');

/**
 * Serves a seeded PGlite as the cluster of {@link AURORA} for this test file, through the local Data API: the
 * Lambda code's own RDSDataClient reaches it by `AWS_ENDPOINT_URL_RDS_DATA`, as it would reach Aurora.
 */
export function useLocalAurora(): LocalAurora {
  let db: PGlite | undefined;
  let server: DataApiServer | undefined;
  let link: SwitchableLink | undefined;
  beforeAll(async () => {
    db = await seededPglite();
    server = await startDataApiServer({
      db,
      resourceArn: AURORA.DATABASE_CLUSTER_ARN,
      secretArn: AURORA.DATABASE_SECRET_ARN,
      database: AURORA.DATABASE_NAME,
    });
    link = await openSwitchableLink(server.endpoint);
    vi.stubEnv('AWS_ENDPOINT_URL_RDS_DATA', link.url);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('AWS_REGION', 'us-east-1');
  }, 60_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await link?.close();
    await server?.close();
    await db?.close();
  });
  return { disconnect: () => link?.down(), reconnect: () => link?.up() };
}
