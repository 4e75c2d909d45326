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
