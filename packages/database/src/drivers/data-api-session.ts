import { errorMessage } from '@alex/errors';
import {
  BeginTransactionCommand,
  CommitTransactionCommand,
  type RDSDataClient,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import {
  createTableRelationsHelpers,
  type ExtractTablesWithRelations,
  extractTablesRelationalConfig,
  type RelationalSchemaConfig,
  type TablesRelationalConfig,
} from 'drizzle-orm';
import {
  AwsDataApiPgDatabase,
  AwsDataApiSession,
  type AwsDataApiSessionOptions,
  AwsDataApiTransaction,
  AwsPgDialect,
} from 'drizzle-orm/aws-data-api/pg';
import type { Logger } from 'drizzle-orm/logger';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';

/**
 * Returns the error that ended a transaction, its message noting that the rollback then failed too; the same
 * object, so callers still find its type and cause chain.
 */
function keepOriginalError(original: unknown, rollbackFailure: unknown): unknown {
  if (!(original instanceof Error)) return original;
  const before = original.message;
  original.message = `${before} (rolling the transaction back failed too: ${errorMessage(rollbackFailure)})`;
  if (original.stack?.includes(before))
    original.stack = original.stack.replace(before, () => original.message);
  return original;
}

/**
 * drizzle's Data API session, except that a transaction whose rollback fails rethrows the error that ended it.
 * drizzle rolls back after any failure and lets a failing rollback replace that error; the service fails the
 * rollback of every transaction it has ended itself (a result over its size limits, a failed commit), so
 * drizzle would report "Transaction ... is not found" and hide why.
 */
class KeptErrorSession<
  TFullSchema extends Record<string, unknown>,
  TSchema extends TablesRelationalConfig,
> extends AwsDataApiSession<TFullSchema, TSchema> {
  constructor(
    private readonly rds: RDSDataClient,
    private readonly awsDialect: AwsPgDialect,
    private readonly relations: RelationalSchemaConfig<TSchema> | undefined,
    private readonly sessionOptions: AwsDataApiSessionOptions,
  ) {
    super(rds, awsDialect, relations, sessionOptions, undefined);
  }

  override async transaction<T>(
    work: (tx: AwsDataApiTransaction<TFullSchema, TSchema>) => Promise<T>,
    config?: PgTransactionConfig,
  ): Promise<T> {
    const { resourceArn, secretArn, database } = this.sessionOptions;
    const target = { resourceArn, secretArn, database };
    const { transactionId } = await this.rds.send(new BeginTransactionCommand(target));
    const end = async (failure: unknown): Promise<never> => {
      try {
        await this.rds.send(new RollbackTransactionCommand({ ...target, transactionId }));
      } catch (rollbackFailure) {
        throw keepOriginalError(failure, rollbackFailure);
      }
      throw failure;
    };
    const session = new AwsDataApiSession<TFullSchema, TSchema>(
      this.rds,
      this.awsDialect,
      this.relations,
      this.sessionOptions,
      transactionId,
    );
    const tx = new AwsDataApiTransaction<TFullSchema, TSchema>(this.awsDialect, session, this.relations);
    let result: T;
    try {
      if (config) await tx.setTransaction(config);
      result = await work(tx);
    } catch (failure) {
      return end(failure);
    }
    try {
      await this.rds.send(new CommitTransactionCommand({ ...target, transactionId }));
    } catch (failure) {
      return end(failure);
    }
    return result;
  }
}

/** Where the Data API's statements go and what drizzle needs to build queries for the schema. */
interface DataApiDrizzleConfig<TSchema extends Record<string, unknown>> {
  schema: TSchema;
  resourceArn: string;
  secretArn: string;
  database: string;
  logger?: Logger | undefined;
}

/** Builds drizzle's Data API database as `drizzle()` does, over the session that keeps transaction errors. */
export function dataApiDrizzle<TSchema extends Record<string, unknown>>(
  client: RDSDataClient,
  config: DataApiDrizzleConfig<TSchema>,
): AwsDataApiPgDatabase<TSchema> {
  const dialect = new AwsPgDialect();
  const tables = extractTablesRelationalConfig<ExtractTablesWithRelations<TSchema>>(
    config.schema,
    createTableRelationsHelpers,
  );
  const relations = {
    fullSchema: config.schema,
    schema: tables.tables,
    tableNamesMap: tables.tableNamesMap,
  };
  const session = new KeptErrorSession(client, dialect, relations, {
    database: config.database,
    resourceArn: config.resourceArn,
    secretArn: config.secretArn,
    ...(config.logger ? { logger: config.logger } : {}),
  });
  return new AwsDataApiPgDatabase(dialect, session, relations);
}
