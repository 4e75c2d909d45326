/**
 * The string `code` a thrown value carries: Node's system errors (`ENOENT`, `EEXIST`, `EPERM`, ...), jose's
 * (`ERR_JWT_EXPIRED`, ...), proper-lockfile's `ELOCKED`; undefined when it has none.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : undefined;
}

/** For `readFile(...).catch(nullIfMissing)`: null when the file does not exist; any other error is thrown again. */
export function nullIfMissing(error: unknown): null {
  if (errorCode(error) === 'ENOENT') return null;
  throw error;
}
