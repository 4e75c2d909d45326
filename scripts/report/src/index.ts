export { costLine, formatUsd } from './page-format';
export * from './render-job-html';
