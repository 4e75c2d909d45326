import { hostname } from 'node:os';
import { processAlive } from '@alex/runtime';

/** The claim owner of this process when it runs jobs locally: `local:<host>:<pid>`. */
export function localClaimOwner(host = hostname(), pid = process.pid): string {
  return `local:${host}:${pid}`;
}

/**
 * Whether the local process that owns a claim is still alive: false only when the owner is a process on this
 * host (`local:<host>:<pid>`, with or without a `/<run>` suffix) that no longer exists; undefined when this
 * process cannot tell (another host, a Lambda request), so the lease decides.
 */
export function isLocalOwnerAlive(owner: string, host = hostname()): boolean | undefined {
  const match = /^local:(.+):(\d+)(?:\/.*)?$/.exec(owner);
  if (!match || match[1] !== host) return undefined;
  const pid = Number(match[2]);
  return pid === process.pid || processAlive(pid);
}
