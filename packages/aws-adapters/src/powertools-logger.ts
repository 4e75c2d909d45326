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
 * The {@link Logger} port over a Powertools logger (JSON lines on stdout with the Lambda context the
 * handler adds); `child()` is a Powertools child logger whose persistent keys include the attributes.
 */
export function powertoolsLogger(base: PowertoolsLogger): Logger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, attributes?: LogAttributes) => {
      if (attributes) base[level](message, serialise(attributes));
      else base[level](message);
    };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    child: (attributes) => powertoolsLogger(base.createChild({ persistentKeys: serialise(attributes) })),
  };
}
