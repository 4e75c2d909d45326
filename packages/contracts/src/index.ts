export * from './allocation';
export * from './enums';
export * from './job';
export * from './portfolio';
export * from './portfolio-import';
