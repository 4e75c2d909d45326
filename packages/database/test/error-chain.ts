/** What a failed query says about itself, gathered from the whole `cause` chain. */
export interface ErrorChain {
  /** Every error in the chain, outermost first (drizzle wraps driver errors in DrizzleQueryError). */
  errors: unknown[];
  /** Messages and, where the driver gives them, SQLSTATE codes and constraint names, joined. */
  text: string;
  /** The SQLSTATE code (pglite and node-postgres); the Data API only sends a message. */
  code: string | undefined;
}

/** Walks an error's `cause` chain: drivers disagree on where the database's own message ends up. */
function errorChain(error: unknown): ErrorChain {
  const errors: unknown[] = [];
  const parts: string[] = [];
  let code: string | undefined;
  for (let current: unknown = error; current !== undefined && errors.length < 10; ) {
    errors.push(current);
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    const fields = current as Error & { code?: unknown; constraint?: unknown };
    parts.push(current.message);
    if (typeof fields.code === 'string') code ??= fields.code;
    if (typeof fields.constraint === 'string') parts.push(`constraint ${fields.constraint}`);
    current = current.cause;
  }
  return { errors, text: parts.join('\n'), code };
}

/** Runs a statement that must fail and returns what its error chain says. */
export async function failureOf(statement: PromiseLike<unknown>): Promise<ErrorChain> {
  try {
    await statement;
  } catch (error) {
    return errorChain(error);
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
