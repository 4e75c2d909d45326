import { RDSDataClient } from '@aws-sdk/client-rds-data';
import { migrate } from 'drizzle-orm/aws-data-api/pg/migrator';
import { ResultTooLargeError } from '../errors';
import * as schema from '../schema';
import {
  type AlexDatabase,
  type DatabaseHandle,
  type DriverOptions,
  MIGRATIONS_FOLDER,
} from './alex-database';
import { dataApiDrizzle } from './data-api-session';

/** Where an Aurora cluster's Data API is and which database to use. */
export interface DataApiOptions extends DriverOptions {
  resourceArn: string;
  secretArn: string;
  database: string;
  region?: string;
  /** Overrides the service endpoint, e.g. the local Data API-compatible server. */
  endpoint?: string;
  /** Local endpoints take fixed credentials; in AWS the default provider chain is used. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  requestTimeoutMs?: number;
}

// "Database returned more than the allowed response size limit" (historic), "Database response exceeded size
// limit" (AWS troubleshooting guide); an UnsupportedResultException says the result "exceeds the size limit".
const RESPONSE_LIMIT_PATTERN =
  /response size limit|more than the allowed response size|exceed(ed|s)( the)? size limit/i;
// "Packet for query is too large": a row of the result is over the Data API's 64 KB (troubleshooting guide).
const ROW_LIMIT_PATTERN = /packet for query is too large/i;

/** Turns the Data API's 1 MiB and 64 KB-per-row refusals into errors that say what to do about them. */
export function translateDataApiError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (RESPONSE_LIMIT_PATTERN.test(error.message)) {
    return new ResultTooLargeError(
      'The query result is larger than the RDS Data API returns in one response (1 MiB): select fewer columns or page the query',
      { cause: error },
    );
  }
  if (ROW_LIMIT_PATTERN.test(error.message)) {
    return new ResultTooLargeError(
      'A row of the query result is larger than the RDS Data API returns (64 KB per row): select fewer or shorter columns',
      { cause: error },
    );
  }
  return error;
}

function createClient(options: DataApiOptions): RDSDataClient {
  const client = new RDSDataClient({
    region: options.region ?? 'us-east-1',
    maxAttempts: 3,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 45_000 },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw translateDataApiError(error);
      }
    },
    { step: 'initialize', name: 'alexTranslateDataApiErrors' },
  );
  return client;
}

/** Opens Aurora PostgreSQL through the RDS Data API (the production path). */
export async function openDataApiDatabase(options: DataApiOptions): Promise<DatabaseHandle> {
  const client = createClient(options);
  const db = dataApiDrizzle(client, {
    schema,
    database: options.database,
    resourceArn: options.resourceArn,
    secretArn: options.secretArn,
    logger: options.logger,
  });
  return {
    db: db as unknown as AlexDatabase,
    driver: 'data-api',
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => client.destroy(),
  };
}

/** The database settings every Lambda's environment carries (terraform sets them; @alex/runtime checks them). */
export interface LambdaDatabaseEnv {
  DATABASE_CLUSTER_ARN: string;
  DATABASE_SECRET_ARN: string;
  DATABASE_NAME: string;
}

/** Opens the Aurora database a Lambda's environment names, in the Lambda's own region (AWS_REGION). */
export function openLambdaDatabase(env: LambdaDatabaseEnv): Promise<DatabaseHandle> {
  return openDataApiDatabase({
    resourceArn: env.DATABASE_CLUSTER_ARN,
    secretArn: env.DATABASE_SECRET_ARN,
    database: env.DATABASE_NAME,
    ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}),
  });
}
