export * from './alex-error';
export * from './error-code';
export * from './error-text';
export * from './format-issues';
export * from './is-transient-error';
