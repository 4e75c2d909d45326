export * from './create-lambda-context';
