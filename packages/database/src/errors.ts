import { AlexError } from '@alex/errors';

/** Base class for every error this package throws. */
export class DatabaseError extends AlexError {
  override name = 'DatabaseError';
}

/** The database configuration is missing or invalid. */
export class DatabaseConfigError extends DatabaseError {
  override name = 'DatabaseConfigError';
}

/** A query's result is larger than the Data API will return in one response. */
export class ResultTooLargeError extends DatabaseError {
  override name = 'ResultTooLargeError';
}

/** A row read from the database does not match its schema. */
export class InvalidRowError extends DatabaseError {
  override name = 'InvalidRowError';
}

/** A validated import file conflicts with what is stored (an end age the new current age reaches). */
export class InvalidImportError extends DatabaseError {
  override name = 'InvalidImportError';
}
