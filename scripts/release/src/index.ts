export * from './build/lambdas';
