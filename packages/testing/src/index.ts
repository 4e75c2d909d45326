export * from './account';
export * from './agent-deps';
export * from './pglite-templates';
export * from './recording-invoker';
export * from './recording-metrics';
export * from './running-job';
export * from './seeded-database';
export * from './tagger-answer';
