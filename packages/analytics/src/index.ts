export * from './analysis';
export * from './charts';
export * from './money';
export * from './retirement';
export * from './valuation';
