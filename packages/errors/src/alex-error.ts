/**
 * Base class of every error the project defines: keeps `cause` and names itself after its class. The Lambda
 * bundles are minified, which renames classes, so a class that reaches a bundle also states its name
 * (`override name = 'DatabaseError'`); names decide retries (isTransientError) and appear in logs.
 */
export class AlexError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Finds an error of the given class in an error's `cause` chain (drivers wrap errors in their own). */
export function findCause<T extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => T,
): T | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return null;
}
