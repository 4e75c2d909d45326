export {
  type DataApiDatabase,
  type DataApiServer,
  type DataApiServerOptions,
  startDataApiServer,
} from './server';
