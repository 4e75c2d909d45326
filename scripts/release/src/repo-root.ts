import { fileURLToPath } from 'node:url';

/** The repository root, three folders above this file (scripts/release/src). */
export function workspaceRoot(): string {
  return fileURLToPath(new URL('../../..', import.meta.url));
}
