import type { LogAttributes, Logger } from '@alex/runtime';
import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/** Errors are logged as name and message, as the runtime's JSON logger does, never as raw objects. */
function serialise(attributes: LogAttributes): LogAttributes {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message } : value,
    ]),
  );
}

/**
 * The {@link Logger} port over a Powertools logger (JSON lines on stdout with the Lambda context the handler
 * adds). A child writes through the same Powertools logger with its attributes on every line, so a child made
 * at cold start (a component's logger) still carries the request id of each later invocation.
 */
export function powertoolsLogger(base: PowertoolsLogger, keys: LogAttributes = {}): Logger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, attributes?: LogAttributes) => {
      const all = { ...keys, ...(attributes ? serialise(attributes) : {}) };
      if (Object.keys(all).length > 0) base[level](message, all);
      else base[level](message);
    };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    child: (attributes) => powertoolsLogger(base, { ...keys, ...serialise(attributes) }),
  };
}
