/** The logging the event source mapping does; `@aws-lambda-powertools/logger`'s `Logger` fits it. */
export interface QueueLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

const ignore = () => {};

/** Logs warnings and errors to the console as single JSON lines and drops info. */
export const consoleQueueLogger: QueueLogger = {
  info: ignore,
  warn: (message, attributes) => console.warn(JSON.stringify({ level: 'WARN', message, ...attributes })),
  error: (message, attributes) => console.error(JSON.stringify({ level: 'ERROR', message, ...attributes })),
};

/** Drops every log line; for tests that assert on outcomes instead. */
export const silentQueueLogger: QueueLogger = { info: ignore, warn: ignore, error: ignore };
