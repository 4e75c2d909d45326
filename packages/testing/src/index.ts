export * from './recording-invoker';
export * from './running-job';
export * from './seeded-database';
