export * from './clock';
export * from './errors';
export * from './in-process-invoker';
export * from './job-agent-handler';
export * from './logger';
export * from './ports';
export * from './result';
export * from './stored-prices';
