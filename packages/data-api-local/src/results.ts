import type { Results } from '@electric-sql/pglite';
import { badRequest } from './errors';
import {
  type ColumnType,
  columnType,
  type OutField,
  toField,
  toJsonText,
  type ValueOptions,
} from './field-values';
import type { TypeCatalog } from './pg-types';

/** The Data API's description of one result column (JDBC-style, as its driver reports it). */
export interface ColumnMetadata {
  name: string;
  label: string;
  typeName: string;
  type: number;
  schemaName: string;
  tableName: string;
  isAutoIncrement: boolean;
  isSigned: boolean;
  isCurrency: boolean;
  isCaseSensitive: boolean;
  nullable: number;
  precision: number;
  scale: number;
  arrayBaseColumnType: number;
}

/** The body of a successful ExecuteStatement response. */
export interface ExecuteStatementResponse {
  numberOfRecordsUpdated: number;
  generatedFields: OutField[];
  records?: OutField[][];
  columnMetadata?: ColumnMetadata[];
  formattedRecords?: string;
}

/** How the request asked for its result set. */
export interface ResultShape {
  includeResultMetadata: boolean;
  formatRecordsAs: 'NONE' | 'JSON';
  values: ValueOptions;
}

const JDBC_TYPES: Record<string, number> = {
  bool: -7,
  int2: 5,
  int4: 4,
  int8: -5,
  oid: -5,
  float4: 7,
  float8: 8,
  numeric: 2,
  bpchar: 1,
  varchar: 12,
  text: 12,
  name: 12,
  bytea: -2,
  date: 91,
  time: 92,
  timetz: 92,
  timestamp: 93,
  timestamptz: 93,
};
const JDBC_ARRAY = 2003;
const JDBC_OTHER = 1111;
const NULLABLE_UNKNOWN = 2;

const PRECISION: Record<string, number> = {
  bool: 1,
  int2: 5,
  int4: 10,
  int8: 19,
  float4: 8,
  float8: 17,
  date: 13,
  time: 15,
  timestamp: 29,
  timestamptz: 35,
  uuid: 36,
};

const DML_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** Rows changed by INSERT/UPDATE/DELETE/MERGE; 0 for everything else, as the Data API reports. */
export function numberOfRecordsUpdated(result: Results<unknown>): number {
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

function metadataFor(name: string, column: ColumnType, catalog: TypeCatalog): ColumnMetadata {
  const { type, kind } = column;
  const isArray = kind === 'array';
  const elementName = isArray ? catalog.get(type.elem).name : '';
  return {
    name,
    label: name,
    typeName: type.name,
    type: isArray ? JDBC_ARRAY : (JDBC_TYPES[type.name] ?? JDBC_OTHER),
    schemaName: '',
    tableName: '',
    isAutoIncrement: false,
    isSigned: kind === 'long' || kind === 'double' || kind === 'decimal',
    isCurrency: false,
    isCaseSensitive: type.category === 'S',
    nullable: NULLABLE_UNKNOWN,
    precision: PRECISION[type.name] ?? 0,
    scale: 0,
    arrayBaseColumnType: isArray ? (JDBC_TYPES[elementName] ?? JDBC_OTHER) : 0,
  };
}

function formatRecords(
  rows: unknown[][],
  names: string[],
  columns: ColumnType[],
  values: ValueOptions,
): string {
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw badRequest(
      `formatRecordsAs JSON needs unique column names, but "${duplicate}" appears more than once: give the columns aliases`,
    );
  }
  const keys = names.map((name) => JSON.stringify(name));
  const objects = rows.map((row) => {
    const members = columns.map(
      (column, i) => `${keys[i]}:${toJsonText(row[i] as string | null, column, values)}`,
    );
    return `{${members.join(',')}}`;
  });
  return `[${objects.join(',')}]`;
}

/** Builds the ExecuteStatement response for one statement's result in the shape the request asked for. */
export function buildExecuteResponse(
  result: Results<unknown[]>,
  columns: ColumnType[],
  catalog: TypeCatalog,
  shape: ResultShape,
): ExecuteStatementResponse {
  const response: ExecuteStatementResponse = {
    numberOfRecordsUpdated: numberOfRecordsUpdated(result),
    generatedFields: [],
  };
  // Statements without a result set (INSERT without RETURNING, DDL) have no row description.
  if (result.fields.length === 0) return response;
  const names = result.fields.map((field) => field.name);
  const rows = result.rows;
  if (shape.formatRecordsAs === 'JSON') {
    response.formattedRecords = formatRecords(rows, names, columns, shape.values);
    return response;
  }
  response.records = rows.map((row) =>
    columns.map((column, i) => toField(row[i] as string | null, column, shape.values)),
  );
  if (shape.includeResultMetadata) {
    response.columnMetadata = columns.map((column, i) => metadataFor(names[i] ?? '', column, catalog));
  }
  return response;
}
