import { vi } from 'vitest';

/**
 * The JSON lines written while `run` executes, parsed: to stdout, and to stderr as well when `streams` says so
 * (Powertools writes warnings and errors there). Nothing reaches the terminal meanwhile.
 */
export function jsonLinesWritten(
  run: () => void,
  streams: 'stdout' | 'stdout and stderr' = 'stdout',
): Record<string, unknown>[] {
  const chunks: string[] = [];
  const keep = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(keep)];
  if (streams === 'stdout and stderr') spies.push(vi.spyOn(process.stderr, 'write').mockImplementation(keep));
  try {
    run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}
