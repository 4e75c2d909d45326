export { type DataApiServer, type DataApiServerOptions, startDataApiServer } from './server';
