import { type DataApiServer, startDataApiServer } from '@alex/local-data-api';
import { openPgliteTemplate } from '@alex/testing';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process';

let db: PGlite;
let server: DataApiServer;
let env: Record<string, string>;

beforeAll(async () => {
  // A fresh cluster without Alex tables: the CLI must refuse to read it until `alex db migrate` has run.
  db = await openPgliteTemplate('empty');
  server = await startDataApiServer({ db });
  env = {
    DATABASE_CLUSTER_ARN: server.resourceArn,
    DATABASE_SECRET_ARN: server.secretArn,
    DATABASE_NAME: server.database,
    RDS_DATA_ENDPOINT: server.endpoint,
    AWS_REGION: 'us-east-1',
  };
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('the CLI against Aurora over the Data API (local Data API-compatible endpoint)', () => {
  it('refuses to read before migrating, then migrates, seeds and values test_user_001', async () => {
    const early = await runCli(['portfolio', 'show'], env);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('has no Alex tables: run `pnpm alex db migrate` first');
    expect((await runCli(['db', 'migrate', '--json'], env)).stdout).toContain('"driver": "data-api"');
    expect((await runCli(['db', 'seed'], env)).status).toBe(0);
    const shown = await runCli(['portfolio', 'show', '--json'], env);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ clerk_user_id: 'test_user_001', total: 99437.5 });
  });

  it('names the missing variable when the Data API settings are incomplete', async () => {
    const run = await runCli(['portfolio', 'show'], { ALEX_DB_DRIVER: 'data-api' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /DATABASE_CLUSTER_ARN is required \(from terraform output aurora_cluster_arn\)/,
    );
  });
});
