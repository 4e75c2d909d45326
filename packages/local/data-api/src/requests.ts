import { formatIssues } from '@alex/errors';
import { z } from 'zod';
import { badRequest } from './errors';

const FIELD_MEMBERS = ['isNull', 'booleanValue', 'longValue', 'doubleValue', 'stringValue'] as const;

// Strict objects throughout: a request member this server does not emulate (formatRecordsAs, resultSetOptions,
// schema, blobValue, arrayValue, ...) is refused by name instead of being silently ignored.

/** A parameter value: exactly one of the members drizzle's driver sends is set. */
export const Field = z
  .strictObject({
    isNull: z.literal(true).optional(),
    booleanValue: z.boolean().optional(),
    longValue: z.number().int().optional(),
    doubleValue: z.number().optional(),
    stringValue: z.string().optional(),
  })
  .refine((field) => FIELD_MEMBERS.filter((member) => field[member] !== undefined).length === 1, {
    message: `exactly one of ${FIELD_MEMBERS.join(', ')} must be set`,
  });
/** A parameter value: exactly one of the members drizzle's driver sends is set. */
export type Field = z.infer<typeof Field>;

/** The typeHint values the Data API accepts for string parameters. */
export const TypeHint = z.enum(['UUID', 'JSON', 'DECIMAL', 'TIMESTAMP', 'DATE', 'TIME']);
/** The typeHint values the Data API accepts for string parameters. */
export type TypeHint = z.infer<typeof TypeHint>;

/** One named parameter of a statement. */
export const SqlParameter = z.strictObject({
  name: z.string().min(1),
  value: Field,
  typeHint: TypeHint.optional(),
});
/** One named parameter of a statement. */
export type SqlParameter = z.infer<typeof SqlParameter>;

const Target = {
  resourceArn: z.string().min(1),
  secretArn: z.string().min(1),
};

/** The body of POST /Execute (ExecuteStatement). */
export const ExecuteStatementRequest = z.strictObject({
  ...Target,
  sql: z.string().min(1).max(65536),
  database: z.string().optional(),
  transactionId: z.string().min(1).optional(),
  parameters: z.array(SqlParameter).optional(),
  includeResultMetadata: z.boolean().optional(),
});
/** The body of POST /Execute (ExecuteStatement). */
export type ExecuteStatementRequest = z.infer<typeof ExecuteStatementRequest>;

/** The body of POST /BeginTransaction. */
export const BeginTransactionRequest = z.strictObject({ ...Target, database: z.string().optional() });
/** The body of POST /BeginTransaction. */
export type BeginTransactionRequest = z.infer<typeof BeginTransactionRequest>;

/** The body of POST /CommitTransaction and POST /RollbackTransaction. */
export const EndTransactionRequest = z.strictObject({ ...Target, transactionId: z.string().min(1) });
/** The body of POST /CommitTransaction and POST /RollbackTransaction. */
export type EndTransactionRequest = z.infer<typeof EndTransactionRequest>;

/** Validates a request body, turning schema failures into a BadRequestException that names each field. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown, operation: string): T {
  const parsed = schema.safeParse(body, {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined,
  });
  if (parsed.success) return parsed.data;
  throw badRequest(`Invalid ${operation} request: ${formatIssues(parsed.error, { root: '(body)' })}`);
}
