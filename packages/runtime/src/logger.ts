/** Structured attributes attached to a log line. */
export type LogAttributes = Record<string, unknown>;

/** The logging port every core receives; adapters write JSON lines (stderr locally, stdout in Lambda). */
export interface Logger {
  debug(message: string, attributes?: LogAttributes): void;
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
  /** A logger whose lines all carry these attributes too (e.g. the job id). */
  child(attributes: LogAttributes): Logger;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Options of the JSON-lines logger. */
export interface JsonLoggerOptions {
  service: string;
  level?: Level;
  write?: (line: string) => void;
  attributes?: LogAttributes;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** A logger that writes one JSON object per line, to stderr unless told otherwise. */
export function createJsonLogger(options: JsonLoggerOptions): Logger {
  const threshold = LEVELS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.attributes ?? {};
  const log =
    (level: Level) =>
    (message: string, attributes: LogAttributes = {}) => {
      if (LEVELS[level] < threshold) return;
      const fields = Object.fromEntries(
        Object.entries({ ...base, ...attributes }).map(([k, v]) => [k, serialise(v)]),
      );
      write(
        JSON.stringify({
          level,
          time: new Date().toISOString(),
          service: options.service,
          message,
          ...fields,
        }),
      );
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (attributes) => createJsonLogger({ ...options, attributes: { ...base, ...attributes } }),
  };
}

/** A logger that keeps lines in memory, for tests and for the CLI's progress view. */
export function createMemoryLogger(service = 'test'): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createJsonLogger({ service, level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  return Object.assign(logger, { lines });
}
