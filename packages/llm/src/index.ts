export * from './errors';
export * from './language-model';
export * from './llm-config';
export * from './metered-model';
export * from './run-model-step';
