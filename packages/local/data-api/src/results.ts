import type { Results } from '@electric-sql/pglite';
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

/** Rows changed by INSERT/UPDATE/DELETE/MERGE; 0 for everything else, as the Data API reports. */
function numberOfRecordsUpdated(result: Results<unknown>): number {
  const command = (result as { command?: string }).command ?? '';
  return DML_COMMANDS.has(command) ? (result.affectedRows ?? 0) : 0;
}

/** Resolves every result column's type, fetching types created after startup first. */
export async function resolveColumns(
  result: Results<unknown>,
  catalog: TypeCatalog,
  fetchMissing: (oids: number[]) => Promise<void>,
): Promise<ColumnType[]> {
  await fetchMissing(result.fields.map((field) => field.dataTypeID));
  return result.fields.map((field) => columnType(catalog.get(field.dataTypeID), catalog));
}

/** Builds the ExecuteStatement response for one statement's result, with column metadata when asked for. */
export function buildExecuteResponse(
  result: Results<unknown[]>,
  columns: ColumnType[],
  includeResultMetadata: boolean,
): ExecuteStatementResponse {
  const response: ExecuteStatementResponse = {
    numberOfRecordsUpdated: numberOfRecordsUpdated(result),
    generatedFields: [],
  };
  // Statements without a result set (INSERT without RETURNING, DDL) have no row description.
  if (result.fields.length === 0) return response;
  response.records = result.rows.map((row) =>
    columns.map((column, i) => toField(row[i] as string | null, column)),
  );
  if (includeResultMetadata) {
    response.columnMetadata = result.fields.map((field, i) => ({
      name: field.name,
      typeName: columns[i]?.type.name ?? '',
    }));
  }
  return response;
}
