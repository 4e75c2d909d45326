import { afterAll, beforeAll } from 'vitest';

/**
 * Opens something before the calling file's (or suite's) tests and closes it after them. The returned object
 * is filled in by the time the tests run: read its fields inside tests and hooks, not at the top level.
 */
export function useForFile<T extends { close(): Promise<void> }>(open: () => Promise<T>): T {
  const opened = {} as T;
  beforeAll(async () => {
    Object.assign(opened, await open());
  });
  afterAll(() => opened.close());
  return opened;
}
