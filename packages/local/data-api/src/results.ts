import type { SqlSession, StatementResult } from './backend';
import { resultTooLarge } from './errors';
import { type ColumnType, columnType, type OutField, toField } from './field-values';
import type { TypeCatalog } from './pg-types';

/** What this server reports of a result column: the members drizzle reads (`name`) and the type's name. */
interface ColumnMetadata {
  name: string;
  typeName: string;
}

/** The body of a successful ExecuteStatement response. */
export interface ExecuteStatementResponse {
  numberOfRecordsUpdated: number;
  generatedFields: OutField[];
  records?: OutField[][];
  columnMetadata?: ColumnMetadata[];
}

const DML_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

// The service's limits: 64 KB per row of the result set the database returns, 1 MiB per response.
const MAX_ROW_BYTES = 65536;
const MAX_RESPONSE_BYTES = 1048576;

/** Rows changed by INSERT/UPDATE/DELETE/MERGE; 0 for everything else, as the Data API reports. */
function numberOfRecordsUpdated(result: StatementResult): number {
  return DML_COMMANDS.has(result.command) ? result.affectedRows : 0;
}

/** Refuses a result with a row over 64 KB, measured on the values in the text form the database sends. */
export function checkRowSizes(result: StatementResult): void {
  for (const row of result.rows) {
    let bytes = 0;
    for (const value of row) bytes += value === null ? 0 : Buffer.byteLength(value);
    if (bytes > MAX_ROW_BYTES)
      throw resultTooLarge('DatabaseErrorException', 'Packet for query is too large');
  }
}

/** Refuses a response over 1 MiB, measured on the serialised response. */
export function checkResponseSize(response: ExecuteStatementResponse): void {
  if (Buffer.byteLength(JSON.stringify(response)) > MAX_RESPONSE_BYTES) {
    throw resultTooLarge('UnsupportedResultException', 'Database response exceeded size limit');
  }
}

/** Resolves every result column's type, fetching types created after startup first (on the same session). */
export async function resolveColumns(
  result: StatementResult,
  catalog: TypeCatalog,
  session: SqlSession,
): Promise<ColumnType[]> {
  await catalog.ensure(
    session,
    result.fields.map((field) => field.dataTypeID),
  );
  return result.fields.map((field) => columnType(catalog.get(field.dataTypeID), catalog));
}

/** Builds the ExecuteStatement response for one statement's result, with column metadata when asked for. */
export function buildExecuteResponse(
  result: StatementResult,
  columns: ColumnType[],
  includeResultMetadata: boolean,
): ExecuteStatementResponse {
  const response: ExecuteStatementResponse = {
    numberOfRecordsUpdated: numberOfRecordsUpdated(result),
    generatedFields: [],
  };
  // Statements without a result set (INSERT without RETURNING, DDL) have no row description.
  if (result.fields.length === 0) return response;
  response.records = result.rows.map((row) => columns.map((column, i) => toField(row[i] ?? null, column)));
  if (includeResultMetadata) {
    response.columnMetadata = result.fields.map((field, i) => ({
      name: field.name,
      typeName: columns[i]?.type.name ?? '',
    }));
  }
  return response;
}
