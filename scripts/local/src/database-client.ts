// What an `alex` command needs to reach the local database server, without the agents and the local queue
// that the package index also loads (about half of a command's start-up time).
export * from './open-local-server-database';
export * from './workspace-root';
