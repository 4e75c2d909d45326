export * from './create-retirement-handler';
export * from './retirement-facts';
export * from './run-retirement';
export * from './simulation-input';
