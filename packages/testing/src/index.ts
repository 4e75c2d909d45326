export * from './recording-invoker';
export * from './seeded-database';
