import { AlexError, errorMessage } from '@alex/errors';

/** The error names this server answers with, as the RDS Data API spells them in `__type`. */
export type DataApiErrorType =
  | 'BadRequestException'
  | 'DatabaseErrorException'
  | 'ValidationException'
  | 'UnsupportedResultException'
  | 'InternalServerErrorException'
  | 'InternalFailure'
  | 'UnknownOperationException';

/** An error the server turns into an RDS Data API error response (HTTP status, `__type` and `message`). */
export class DataApiError extends AlexError {
  readonly type: DataApiErrorType;
  readonly status: number;
  /** The service ends the transaction the failing call ran in (a result over its size limits). */
  readonly endsTransaction: boolean;

  constructor(
    type: DataApiErrorType,
    message: string,
    options: { status?: number; cause?: unknown; endsTransaction?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.type = type;
    this.status = options.status ?? 400;
    this.endsTransaction = options.endsTransaction ?? false;
  }
}

/** A malformed or refused request, reported as the Data API's `BadRequestException`. */
export function badRequest(message: string): DataApiError {
  return new DataApiError('BadRequestException', message);
}

/** A result the Data API cannot return (unsupported type, multidimensional array, too large). */
export function unsupportedResult(message: string): DataApiError {
  return new DataApiError('UnsupportedResultException', message);
}

/**
 * A result over the service's size limits: the call fails and the transaction it ran in is ended, so later
 * calls with its id are told it is not found.
 */
export function resultTooLarge(
  type: 'UnsupportedResultException' | 'DatabaseErrorException',
  message: string,
) {
  return new DataApiError(type, message, { endsTransaction: true });
}

/** A failure the Data API reports as `DatabaseErrorException` with the given message. */
export function databaseError(message: string, cause?: unknown): DataApiError {
  return new DataApiError('DatabaseErrorException', message, { cause });
}

interface PostgresErrorFields {
  message: string;
  severity?: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
  where?: string;
}

function isPostgresError(error: unknown): error is Error & PostgresErrorFields {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Formats a Postgres error the way the Data API relays it from its JDBC driver:
 * `ERROR: msg\n  Detail: ..\n  Hint: ..\n  Position: N; SQLState: 42804`.
 */
function formatPostgresError(error: PostgresErrorFields): string {
  const lines = [`${error.severity ?? 'ERROR'}: ${error.message}`];
  if (error.detail) lines.push(`  Detail: ${error.detail}`);
  if (error.hint) lines.push(`  Hint: ${error.hint}`);
  if (error.position) lines.push(`  Position: ${error.position}`);
  if (error.where) lines.push(`  Where: ${error.where}`);
  return `${lines.join('\n')}; SQLState: ${error.code ?? 'XX000'}`;
}

/** Maps anything a statement threw to the Data API error the client should see. */
export function toDataApiError(error: unknown): DataApiError {
  if (error instanceof DataApiError) return error;
  if (isPostgresError(error)) return databaseError(formatPostgresError(error), error);
  const message = `Internal error in the local Data API: ${errorMessage(error)}`;
  return new DataApiError('InternalServerErrorException', message, { status: 500, cause: error });
}

/** Neither an SQL error (those carry a severity) nor a refusal of this server's own: the connection may be gone. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DataApiError) return false;
  return typeof (error as { severity?: unknown } | undefined)?.severity !== 'string';
}
