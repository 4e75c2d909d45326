import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** Receives every line a function writes (stdout and stderr), with the function's name. */
export type LogSink = (functionName: string, line: string) => void;

/** Where function logs go: stderr (the default), appended to a file, or a callback. */
export type LogDestination = 'stderr' | { file: string } | LogSink;

/** A sink plus how to release what it holds (an open file). */
export interface OpenLogSink {
  write: LogSink;
  close(): Promise<void>;
}

const prefix = (functionName: string, line: string) => `[${functionName}] ${line}\n`;

/** Opens a log destination; each line is written as `[function-name] line`. */
export function openLogSink(destination: LogDestination = 'stderr'): OpenLogSink {
  if (destination === 'stderr') {
    return { write: (name, line) => process.stderr.write(prefix(name, line)), close: async () => {} };
  }
  if (typeof destination === 'function') return { write: destination, close: async () => {} };
  const stream = createWriteStream(destination.file, { flags: 'a' });
  return {
    write: (name, line) => {
      if (!stream.closed && !stream.writableEnded) stream.write(prefix(name, line));
    },
    close: () => new Promise<void>((resolve) => stream.end(() => resolve())),
  };
}

/** Splits a stream into lines and hands each (without its newline) to `onLine`; a last partial line too. */
export function pipeLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) onLine(part.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}
