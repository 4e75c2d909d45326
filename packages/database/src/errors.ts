/** Base class for every error this package throws; keeps the cause and names itself. */
export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The database configuration is missing or invalid. */
export class DatabaseConfigError extends DatabaseError {}

/** A query's result is larger than the Data API will return in one response. */
export class ResultTooLargeError extends DatabaseError {}

/** A row read from the database does not match its schema. */
export class InvalidRowError extends DatabaseError {}

/** Finds an error of the given class in an error's `cause` chain (drivers wrap errors in their own). */
export function findCause<T extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => T,
): T | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return null;
}
