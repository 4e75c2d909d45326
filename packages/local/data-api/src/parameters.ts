import type { BoundStatement } from './backend';
import { badRequest, DataApiError } from './errors';
import type { Field, SqlParameter, TypeHint } from './requests';
import { leadingKeywords, type Placeholder, scanSql } from './sql-scanner';

/** Postgres type OIDs the parameters are bound as, matching what the Data API's JDBC driver sends. */
export const PARAMETER_TYPE_OIDS = {
  unknown: 0,
  bool: 16,
  int8: 20,
  float8: 701,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
} as const;

const HINT_TYPES: Record<TypeHint, number> = {
  UUID: PARAMETER_TYPE_OIDS.uuid,
  JSON: PARAMETER_TYPE_OIDS.jsonb,
  DECIMAL: PARAMETER_TYPE_OIDS.numeric,
  TIMESTAMP: PARAMETER_TYPE_OIDS.timestamp,
  DATE: PARAMETER_TYPE_OIDS.date,
  TIME: PARAMETER_TYPE_OIDS.time,
};

const HINT_FORMATS: Partial<Record<TypeHint, { pattern: RegExp; format: string }>> = {
  TIMESTAMP: {
    pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})?$/,
    format: 'YYYY-MM-DD HH:MM:SS[.FFF]',
  },
  DATE: { pattern: /^\d{4}-\d{2}-\d{2}$/, format: 'YYYY-MM-DD' },
  TIME: { pattern: /^\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/, format: 'HH:MM:SS[.FFF]' },
};

const TRANSACTION_CONTROL = new Set(['BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT']);

/** Transaction control must go through BeginTransaction/CommitTransaction/RollbackTransaction. */
function rejectTransactionControl(sql: string): void {
  const [first, second] = leadingKeywords(sql);
  const isSavepointRollback = first === 'ROLLBACK' && second === 'TO';
  const isTwoPhase = first === 'PREPARE' && second === 'TRANSACTION';
  if ((TRANSACTION_CONTROL.has(first) && !isSavepointRollback) || isTwoPhase) {
    throw badRequest(
      `The local Data API does not run "${first}" statements: use the BeginTransaction, CommitTransaction and RollbackTransaction operations`,
    );
  }
}

function bindValue(parameter: SqlParameter): { value: string | null; type: number } {
  const { value: field, typeHint, name } = parameter;
  if (field.isNull === true) {
    return { value: null, type: typeHint ? HINT_TYPES[typeHint] : PARAMETER_TYPE_OIDS.unknown };
  }
  if (field.stringValue !== undefined) return bindString(name, field.stringValue, typeHint);
  return bindNonString(field);
}

function bindString(name: string, value: string, typeHint: TypeHint | undefined) {
  if (!typeHint) return { value, type: PARAMETER_TYPE_OIDS.varchar };
  const format = HINT_FORMATS[typeHint];
  if (format && !format.pattern.test(value)) {
    throw badRequest(
      `Parameter "${name}" with typeHint ${typeHint} must be formatted as ${format.format}, got "${value}"`,
    );
  }
  return { value, type: HINT_TYPES[typeHint] };
}

function bindNonString(field: Field): { value: string; type: number } {
  if (field.longValue !== undefined)
    return { value: String(field.longValue), type: PARAMETER_TYPE_OIDS.int8 };
  if (field.doubleValue !== undefined) {
    return { value: String(field.doubleValue), type: PARAMETER_TYPE_OIDS.float8 };
  }
  if (field.booleanValue !== undefined) {
    return { value: field.booleanValue ? 'true' : 'false', type: PARAMETER_TYPE_OIDS.bool };
  }
  throw badRequest('Each parameter value must set exactly one Field member');
}

function indexParameters(parameters: SqlParameter[]): Map<string, SqlParameter> {
  const byName = new Map<string, SqlParameter>();
  for (const parameter of parameters) {
    if (byName.has(parameter.name)) throw badRequest(`Parameter "${parameter.name}" is given more than once`);
    byName.set(parameter.name, parameter);
  }
  return byName;
}

function describePlaceholders(placeholders: Placeholder[]): string {
  return [...new Set(placeholders.map((p) => `:${p.name}`))].join(', ');
}

/**
 * Checks one ExecuteStatement SQL string and binds its named parameters:
 * each distinct `:name` becomes `$n`, typed from its Field and typeHint so Postgres sees the types
 * the real service sends (a plain stringValue is varchar, so comparing it with a uuid column fails).
 */
export function bindParameters(sql: string, parameters: SqlParameter[] = []): BoundStatement {
  const scan = scanSql(sql);
  if (scan.statementCount > 1) {
    throw new DataApiError('ValidationException', "Multistatements aren't supported.");
  }
  if (scan.dollarQuotedPlaceholders.length > 0) {
    throw badRequest(
      `${describePlaceholders(scan.dollarQuotedPlaceholders)} inside a dollar-quoted string would be replaced by a parameter marker by the real Data API; move it out of the $$ body or avoid the colon`,
    );
  }
  rejectTransactionControl(sql);
  const byName = indexParameters(parameters);
  const positions = new Map<string, number>();
  const values: Array<string | null> = [];
  const types: number[] = [];
  let text = '';
  let copiedUpTo = 0;
  for (const placeholder of scan.placeholders) {
    let position = positions.get(placeholder.name);
    if (position === undefined) {
      const parameter = byName.get(placeholder.name);
      if (!parameter) {
        throw badRequest(
          `The SQL uses :${placeholder.name} but no parameter named "${placeholder.name}" was given (the Data API reads every :name outside quotes and comments as a parameter, including array slices like a[1:2])`,
        );
      }
      const bound = bindValue(parameter);
      values.push(bound.value);
      types.push(bound.type);
      position = values.length;
      positions.set(placeholder.name, position);
    }
    text += `${sql.slice(copiedUpTo, placeholder.start)}$${position}`;
    copiedUpTo = placeholder.end;
  }
  text += sql.slice(copiedUpTo);
  return { sql: text, values, types };
}
