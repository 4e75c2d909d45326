// Throwaway databases for tests and benchmarks; nothing in a Lambda or the CLI imports this.
export * from './reusable-pglite';
export * from './scratch-database';
