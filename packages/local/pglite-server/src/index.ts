export {
  type PgliteServer,
  type PgliteServerOptions,
  startPgliteServer,
} from './start-pglite-server';
