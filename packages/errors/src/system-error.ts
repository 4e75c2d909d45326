/** The `code` of a Node.js system error (`ENOENT`, `EEXIST`, `EPERM`, ...); undefined for anything else. */
export function systemErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : undefined;
}

/** For `readFile(...).catch(nullIfMissing)`: null when the file does not exist; any other error is thrown again. */
export function nullIfMissing(error: unknown): null {
  if (systemErrorCode(error) === 'ENOENT') return null;
  throw error;
}
