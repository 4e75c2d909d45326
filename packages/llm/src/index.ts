export * from './errors';
export * from './figures';
export * from './language-model';
export * from './llm-config';
export * from './markdown-output';
export * from './metered-model';
export * from './model-prices';
export * from './run-model-step';
