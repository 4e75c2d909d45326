import { afterEach, beforeEach, vi } from 'vitest';

/** The JSON log lines written to stdout, and a way to wait for one. */
export interface StdoutLines {
  all(): Record<string, unknown>[];
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
 * Captures, for each test of the file, the JSON lines written to stdout (where a Lambda's logger writes, for
 * CloudWatch); anything else written to stdout goes through.
 */
export function captureStdoutLines(): StdoutLines {
  let lines: Record<string, unknown>[] = [];
  let waiters: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  beforeEach(() => {
    lines = [];
    waiters = [];
    const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      const line = typeof chunk === 'string' && chunk.endsWith('\n') ? parse(chunk) : null;
      if (!line) return write(chunk, ...rest);
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.message === line.message)) waiter.resolve(line);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return {
    all: () => lines,
    next: (message) => {
      const seen = lines.find((line) => line.message === message);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ message, resolve }));
    },
  };
}
