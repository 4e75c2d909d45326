export * from './analysis';
export * from './charts';
export * from './money';
export * from './retirement';
export * from './risk';
export * from './valuation';
