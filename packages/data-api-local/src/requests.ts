import { z } from 'zod';
import { badRequest } from './errors';

const FIELD_MEMBERS = [
  'isNull',
  'booleanValue',
  'longValue',
  'doubleValue',
  'stringValue',
  'blobValue',
  'arrayValue',
] as const;

/** A parameter value: exactly one member is set, as in the Data API's `Field` union. */
export const Field = z
  .object({
    isNull: z.literal(true).optional(),
    booleanValue: z.boolean().optional(),
    longValue: z.number().int().optional(),
    doubleValue: z.number().optional(),
    stringValue: z.string().optional(),
    blobValue: z.base64().optional(),
    arrayValue: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((field) => FIELD_MEMBERS.filter((member) => field[member] !== undefined).length === 1, {
    message: `exactly one of ${FIELD_MEMBERS.join(', ')} must be set`,
  });
/** A parameter value: exactly one member is set, as in the Data API's `Field` union. */
export type Field = z.infer<typeof Field>;

/** The typeHint values the Data API accepts for string parameters. */
export const TypeHint = z.enum(['UUID', 'JSON', 'DECIMAL', 'TIMESTAMP', 'DATE', 'TIME']);
/** The typeHint values the Data API accepts for string parameters. */
export type TypeHint = z.infer<typeof TypeHint>;

/** One named parameter of a statement. */
export const SqlParameter = z.object({
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

const Statement = {
  ...Target,
  sql: z.string().min(1).max(65536),
  database: z.string().optional(),
  schema: z.string().optional(),
  transactionId: z.string().min(1).optional(),
  continueAfterTimeout: z.boolean().optional(),
};

/** The body of POST /Execute (ExecuteStatement). */
export const ExecuteStatementRequest = z.object({
  ...Statement,
  parameters: z.array(SqlParameter).optional(),
  includeResultMetadata: z.boolean().optional(),
  formatRecordsAs: z.enum(['NONE', 'JSON']).optional(),
  resultSetOptions: z
    .object({
      decimalReturnType: z.enum(['STRING', 'DOUBLE_OR_LONG']).optional(),
      longReturnType: z.enum(['LONG', 'STRING']).optional(),
    })
    .optional(),
});
/** The body of POST /Execute (ExecuteStatement). */
export type ExecuteStatementRequest = z.infer<typeof ExecuteStatementRequest>;

/** The body of POST /BatchExecute (BatchExecuteStatement). */
export const BatchExecuteStatementRequest = z.object({
  ...Statement,
  parameterSets: z.array(z.array(SqlParameter)).optional(),
});
/** The body of POST /BatchExecute (BatchExecuteStatement). */
export type BatchExecuteStatementRequest = z.infer<typeof BatchExecuteStatementRequest>;

/** The body of POST /BeginTransaction. */
export const BeginTransactionRequest = z.object({
  ...Target,
  database: z.string().optional(),
  schema: z.string().optional(),
});
/** The body of POST /BeginTransaction. */
export type BeginTransactionRequest = z.infer<typeof BeginTransactionRequest>;

/** The body of POST /CommitTransaction and POST /RollbackTransaction. */
export const EndTransactionRequest = z.object({ ...Target, transactionId: z.string().min(1) });
/** The body of POST /CommitTransaction and POST /RollbackTransaction. */
export type EndTransactionRequest = z.infer<typeof EndTransactionRequest>;

/** Validates a request body, turning schema failures into a BadRequestException that names each field. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown, operation: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return `${path}: ${missing ? 'is required' : issue.message}`;
  });
  throw badRequest(`Invalid ${operation} request: ${problems.join('; ')}`);
}
