export * from './config';
export type { AlexDatabase, DatabaseHandle, DriverName } from './drivers/alex-database';
export * from './errors';
export * from './repositories';
export * from './reset-database';
export { UtcTimestamp } from './rows';
export * from './seed/seed-database';
export { seedInstruments } from './seed/seed-instruments';
