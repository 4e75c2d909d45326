import { afterEach, beforeEach, vi } from 'vitest';

/** The JSON log lines written to stdout, and a way to wait for one. */
export interface StdoutLines {
  /** The log lines (EMF metric documents left out). */
  all(): Record<string, unknown>[];
  /** The EMF metric documents. */
  metrics(): Record<string, unknown>[];
  /** Resolves with the first line (already written or still to come) whose message is `message`. */
  next(message: string): Promise<Record<string, unknown>>;
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Captures, for each test of the file, the JSON lines written to stdout and stderr (where a Lambda's logger
 * and metrics write, for CloudWatch); anything else goes through.
 */
export function captureStdoutLines(): StdoutLines {
  let lines: Record<string, unknown>[] = [];
  let waiters: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  beforeEach(() => {
    lines = [];
    waiters = [];
    // Powertools writes debug and info to stdout, warn and error to stderr; Lambda sends both to CloudWatch.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
      vi.spyOn(stream, 'write').mockImplementation((chunk, ...rest) => {
        const line = typeof chunk === 'string' && chunk.endsWith('\n') ? parse(chunk) : null;
        if (!line) return write(chunk, ...rest);
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.message === line.message)) waiter.resolve(line);
        return true;
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return {
    all: () => lines.filter((line) => !('_aws' in line)),
    metrics: () => lines.filter((line) => '_aws' in line),
    next: (message) => {
      const seen = lines.find((line) => line.message === message);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ message, resolve }));
    },
  };
}
