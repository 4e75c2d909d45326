export * from './claim-owner';
export * from './create-planner-handler';
export * from './plan';
export * from './plan-rules';
export * from './run-planner';
export * from './sweep-abandoned-jobs';
