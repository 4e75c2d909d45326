export * from './create-reporter-handler';
export * from './offline-report';
export * from './run-reporter';
export * from './write-report';
