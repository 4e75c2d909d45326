import type { BuildAppOptions } from 'fauxqs';

/** The SQS, SNS and S3 stores fauxqs's `buildApp` accepts. */
export type FauxqsStores = NonNullable<BuildAppOptions['stores']>;

/** Stores loaded from, and writing through to, a SQLite database in a directory, and how to close it. */
export interface PersistentFauxqsStores {
  stores: FauxqsStores;
  close(): void;
}

interface PersistenceManager {
  load(sqs: FauxqsStores['sqsStore'], sns: FauxqsStores['snsStore'], s3: FauxqsStores['s3Store']): void;
  close(): void;
}

type Constructor<T> = new (...args: never[]) => T;

async function importDistClass<T>(relativePath: string, exportName: string): Promise<Constructor<T>> {
  // fauxqs exports only its entry point, so its store and persistence classes are loaded by file URL.
  const url = new URL(relativePath, import.meta.resolve('fauxqs'));
  const module = (await import(url.href)) as Record<string, unknown>;
  const value = module[exportName];
  if (typeof value !== 'function')
    throw new Error(`fauxqs no longer exports ${exportName} from ${relativePath}`);
  return value as Constructor<T>;
}

/**
 * Builds fauxqs stores persisted in `dataDir`, wired the way `startFauxqs({ dataDir })` wires them, for a
 * server that `buildApp` serves on an address of our choosing (fauxqs 2.4.1's `startFauxqs` always listens on
 * 0.0.0.0).
 */
export async function openPersistentStores(dataDir: string): Promise<PersistentFauxqsStores> {
  const [SqsStore, SnsStore, S3Store, Persistence] = await Promise.all([
    importDistClass<FauxqsStores['sqsStore']>('./sqs/sqsStore.js', 'SqsStore'),
    importDistClass<FauxqsStores['snsStore']>('./sns/snsStore.js', 'SnsStore'),
    importDistClass<FauxqsStores['s3Store']>('./s3/s3Store.js', 'S3Store'),
    importDistClass<PersistenceManager>('./persistence.js', 'PersistenceManager'),
  ]);
  const sqsStore = new SqsStore();
  const snsStore = new SnsStore();
  const s3Store = new S3Store();
  const persistence = new (Persistence as unknown as new (dir: string) => PersistenceManager)(dataDir);
  // Load before attaching persistence, as fauxqs does, so restoring rows does not write them back.
  persistence.load(sqsStore, snsStore, s3Store);
  const attached = persistence as unknown as NonNullable<FauxqsStores['sqsStore']['persistence']>;
  sqsStore.persistence = attached;
  snsStore.persistence = attached;
  s3Store.persistence = attached;
  for (const queue of sqsStore.allQueues()) queue.persistence = attached;
  return { stores: { sqsStore, snsStore, s3Store }, close: () => persistence.close() };
}
