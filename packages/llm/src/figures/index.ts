export * from './allowed-figures';
export * from './check-text';
export * from './extract-figures';
export * from './verified-text';
