export * from './create-planner-handler';
export * from './plan-rules';
export * from './run-planner';
