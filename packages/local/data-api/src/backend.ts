/** One statement ready to run: positional SQL, text-form values and the type OID of each value. */
export interface BoundStatement {
  sql: string;
  values: Array<string | null>;
  types: number[];
}

/** A statement's outcome with every value in Postgres text form. */
export interface StatementResult {
  /** The command tag's verb (`SELECT`, `INSERT`, `COMMIT`, `ROLLBACK`, ...). */
  command: string;
  affectedRows: number;
  /** The row description; empty for statements without a result set. */
  fields: Array<{ name: string; dataTypeID: number }>;
  rows: Array<Array<string | null>>;
}

/** One database connection the endpoint runs statements on. */
export interface SqlSession {
  run(statement: BoundStatement): Promise<StatementResult>;
}

/** A connection held by one Data API transaction until it ends. */
export interface ReservedSession extends SqlSession {
  /** Gives the connection back; `broken` discards it instead of reusing it. */
  release(broken?: boolean): void;
}

/** Where the endpoint's statements run: PGlite's single connection, or a pool of PostgreSQL connections. */
export interface DataApiBackend {
  /** Runs work outside any transaction (autocommit), on a connection it holds for the work's duration. */
  autocommit<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Waits for a connection of its own for one transaction. */
  reserve(): Promise<ReservedSession>;
  /**
   * How long a transactional statement stays busy at least, so a request sent at the same time sees the
   * transaction busy; PGlite runs a statement synchronously and needs it, a server does not.
   */
  readonly concurrencyWindowMs: number;
  /** Releases what the backend opened itself (a pool); the caller's PGlite stays open. */
  close(): Promise<void>;
}

/** A statement without parameters. */
export function plainStatement(sql: string): BoundStatement {
  return { sql, values: [], types: [] };
}
