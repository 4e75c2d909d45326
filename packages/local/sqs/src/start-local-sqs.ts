import type { AddressInfo } from 'node:net';
import { buildApp } from 'fauxqs';

/** What an `SQSClient` needs to talk to the local server (dummy credentials, explicit endpoint). */
export interface LocalSqsClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** A running local SQS server: where it listens, client settings for it, and how to stop it. */
export interface LocalSqs {
  /** `http://127.0.0.1:PORT` (a free port), for the client's `endpoint` option. */
  endpoint: string;
  clientConfig: LocalSqsClientConfig;
  /** Stops listening and ends open connections and long polls; the queues are gone. */
  close(): Promise<void>;
}

/** Starts fauxqs (SQS on the AWS JSON protocol) in memory, listening on 127.0.0.1 only. */
export async function startLocalSqs(): Promise<LocalSqs> {
  // fauxqs's public buildApp() and our own listen(), because its startFauxqs() listens on 0.0.0.0 (its
  // `host` option only changes the host written into queue URLs).
  const app = buildApp({ logger: false, defaultRegion: 'us-east-1' });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  return {
    endpoint,
    clientConfig: { endpoint, region: 'us-east-1', credentials },
    close: async () => {
      await app.close();
    },
  };
}
