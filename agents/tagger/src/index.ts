export * from './classification';
export * from './create-tagger-handler';
export * from './run-tagger';
