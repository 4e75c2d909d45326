export * from './render-job-html';
