export * from './wait-for-job';
