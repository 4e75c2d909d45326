import type { ProgressEvent } from '@alex/local-stack';

/** Prints one line per agent start and finish on stderr, so stdout stays free for --json. */
export function progressPrinter(write: (line: string) => void): (event: ProgressEvent) => void {
  return (event) => {
    if (event.phase === 'started') {
      write(`  … ${event.agent} started`);
      return;
    }
    const seconds = (event.ms / 1000).toFixed(2);
    const who = event.model ? ` (${event.model})` : '';
    write(
      event.ok
        ? `  ✓ ${event.agent} finished in ${seconds}s${who}`
        : `  ✗ ${event.agent} failed after ${seconds}s: ${event.error ?? 'unknown error'}`,
    );
  };
}
