import type { AddressInfo } from 'node:net';
import { buildApp } from 'fauxqs';
import { openPersistentStores, type PersistentFauxqsStores } from './fauxqs-stores';

/** Options for {@link startLocalSqs}; the server only ever listens on the loopback interface. */
export interface LocalSqsOptions {
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Keep queues and messages in SQLite under this directory across restarts; omitted means in-memory. */
  dataDir?: string;
  /** Region used in queue ARNs when a request does not name one; default us-east-1. */
  region?: string;
}

/** What an `SQSClient` needs to talk to the local server (dummy credentials, explicit endpoint). */
export interface LocalSqsClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** A running local SQS server: where it listens, client settings for it, and how to stop it. */
export interface LocalSqs {
  /** `http://127.0.0.1:PORT`, for the client's `endpoint` option. */
  endpoint: string;
  port: number;
  clientConfig: LocalSqsClientConfig;
  /** Stops listening, ends open connections and long polls, and closes the SQLite file if any. */
  close(): Promise<void>;
}

/** Starts fauxqs (SQS on the AWS JSON protocol) on 127.0.0.1 only, in memory or persisted under `dataDir`. */
export async function startLocalSqs(options: LocalSqsOptions = {}): Promise<LocalSqs> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  let persistent: PersistentFauxqsStores | undefined;
  if (options.dataDir !== undefined) persistent = await openPersistentStores(options.dataDir);
  // buildApp + our own listen(), because startFauxqs() hard-codes host 0.0.0.0 (its `host` option only
  // changes the host written into queue URLs).
  const app = buildApp({
    logger: false,
    defaultRegion: region,
    ...(persistent ? { stores: persistent.stores } : {}),
  });
  if (persistent) {
    const { close } = persistent;
    app.addHook('preClose', async () => close());
  }
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const endpoint = `http://${host}:${port}`;
  return {
    endpoint,
    port,
    clientConfig: { endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
    close: async () => {
      await app.close();
    },
  };
}
