import { DataApiError, unsupportedResult } from './errors';
import {
  byteaToBase64,
  compactJson,
  javaDecimalString,
  parseArrayLiteral,
  timestamptzToUtc,
} from './pg-text';
import type { PgType, TypeCatalog } from './pg-types';

/** How a column's values travel in a Data API response. */
type ValueKind =
  | 'boolean'
  | 'long'
  | 'double'
  | 'blob'
  | 'timestamptz'
  | 'datetime'
  | 'json'
  | 'numeric'
  | 'string';

/** A result column's type, resolved once per result. */
export interface ColumnType {
  type: PgType;
  kind: ValueKind | 'array';
  /** The element kind of an array column. */
  element?: ValueKind;
}

/** A Field in a response, with blobs already base64-encoded as they are on the wire. */
export type OutField =
  | { isNull: true }
  | { booleanValue: boolean }
  | { longValue: number }
  | { doubleValue: number }
  | { stringValue: string }
  | { blobValue: string }
  | { arrayValue: OutArray };

type OutArray =
  | { booleanValues: Array<boolean | null> }
  | { longValues: Array<number | null> }
  | { doubleValues: Array<number | null> }
  | { stringValues: Array<string | null> };

// The current Data API refuses these types; the caller has to cast them to text.
const UNSUPPORTED = new Set([
  'interval',
  'char',
  'xml',
  'money',
  'point',
  'line',
  'lseg',
  'box',
  'path',
  'polygon',
  'circle',
]);

const KIND_BY_NAME: Record<string, ValueKind> = {
  bool: 'boolean',
  int2: 'long',
  int4: 'long',
  int8: 'long',
  oid: 'long',
  float4: 'double',
  float8: 'double',
  bytea: 'blob',
  timestamptz: 'timestamptz',
  timestamp: 'datetime',
  date: 'datetime',
  json: 'json',
  jsonb: 'json',
  numeric: 'numeric',
};

function scalarKind(type: PgType): ValueKind {
  if (UNSUPPORTED.has(type.name)) {
    throw unsupportedResult(`The result contains the unsupported data type ${type.name}`);
  }
  return KIND_BY_NAME[type.name] ?? 'string';
}

/** Resolves how a column is returned, refusing the types and shapes the Data API refuses. */
export function columnType(type: PgType, catalog: TypeCatalog): ColumnType {
  if (type.category !== 'A' || type.elem === 0) return { type, kind: scalarKind(type) };
  const elementType = catalog.get(type.elem);
  const element =
    UNSUPPORTED.has(elementType.name) || elementType.category === 'A' ? undefined : scalarKind(elementType);
  if (!element || element === 'blob') {
    throw unsupportedResult(`The result contains the unsupported data type ${type.name}`);
  }
  return { type, kind: 'array', element };
}

/** Infinite dates make the real service fail with a bare InternalFailure and no message. */
function rejectInfinity(text: string): void {
  if (text === 'infinity' || text === '-infinity') {
    throw new DataApiError('InternalFailure', '', { status: 500 });
  }
}

function scalarField(text: string, kind: ValueKind): OutField {
  switch (kind) {
    case 'boolean':
      return { booleanValue: text === 't' };
    case 'long':
      return { longValue: Number(text) };
    case 'double': {
      const value = Number(text);
      return Number.isFinite(value) ? { doubleValue: value } : { stringValue: text };
    }
    case 'blob':
      return { blobValue: byteaToBase64(text) };
    case 'timestamptz':
      rejectInfinity(text);
      return { stringValue: timestamptzToUtc(text) };
    case 'datetime':
      rejectInfinity(text);
      return { stringValue: text };
    case 'json':
      return { stringValue: compactJson(text) };
    case 'numeric':
      return { stringValue: javaDecimalString(text) };
    case 'string':
      return { stringValue: text };
  }
}

function arrayField(text: string, column: ColumnType): OutArray {
  const elements = parseArrayLiteral(text, column.type.delimiter);
  switch (column.element) {
    case 'boolean':
      return { booleanValues: elements.map((e) => (e === null ? null : e === 't')) };
    case 'long':
      return { longValues: elements.map((e) => (e === null ? null : Number(e))) };
    case 'double':
      return { doubleValues: elements.map((e) => (e === null ? null : Number(e))) };
    case 'timestamptz':
      return { stringValues: elements.map((e) => (e === null ? null : timestamptzToUtc(e))) };
    case 'json':
      return { stringValues: elements.map((e) => (e === null ? null : compactJson(e))) };
    case 'numeric':
      return { stringValues: elements.map((e) => (e === null ? null : javaDecimalString(e))) };
    default:
      return { stringValues: elements };
  }
}

/** Converts one value in Postgres text form to the Field the Data API returns for it (numeric stays a string). */
export function toField(text: string | null, column: ColumnType): OutField {
  if (text === null) return { isNull: true };
  if (column.kind === 'array') return { arrayValue: arrayField(text, column) };
  return scalarField(text, column.kind);
}
