export * from './choose-charts';
export * from './create-charter-handler';
export * from './run-charter';
