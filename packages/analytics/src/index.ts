export * from './money';
export * from './valuation';
