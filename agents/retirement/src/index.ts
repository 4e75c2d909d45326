export * from './create-retirement-handler';
export * from './retirement-facts';
export * from './run-retirement';
export * from './simulated-allocation';
export * from './simulation-input';
