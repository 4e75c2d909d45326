/** Cuts text to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** The first line of a text, trimmed and cut to `max` characters (default 300). */
export function firstLine(text: string, max = 300): string {
  return truncate((text.split('\n')[0] ?? '').trim(), max);
}

/**
 * The first line of a thrown value's message, without stack traces: drivers append the SQL and its
 * parameters (user data) on later lines. `unknown error` for anything that is neither an Error nor a string.
 */
export function errorMessage(error: unknown, max = 300): string {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  return firstLine(message, max);
}

/**
 * `Name: first line of the message` (or the name alone), for results and log lines; SDK errors keep their
 * service error name (e.g. `TooManyRequestsException`).
 */
export function describeError(error: unknown, max = 300): string {
  if (!(error instanceof Error)) return errorMessage(error, max);
  const line = firstLine(error.message, max);
  return truncate(line ? `${error.name}: ${line}` : error.name, max);
}

/** The error's name when it is an Error (e.g. the SDK's service exception name), else `unknown`. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
