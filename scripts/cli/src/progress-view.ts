import type { ProgressEvent } from '@alex/local-stack';

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Shows agents' progress while a job runs; `log` writes a line without breaking the live line. */
export interface ProgressView {
  onProgress(event: ProgressEvent): void;
  log(line: string): void;
  stop(): void;
}

const seconds = (ms: number, digits: number) => `${(ms / 1000).toFixed(digits)}s`;

function eventLine(event: ProgressEvent): string {
  if (event.phase === 'started') return `  … ${event.agent} started`;
  const who = event.model ? ` (${event.model})` : '';
  return event.ok
    ? `  ✓ ${event.agent} finished in ${seconds(event.ms, 2)}${who}`
    : `  ✗ ${event.agent} failed after ${seconds(event.ms, 2)}: ${event.error ?? 'unknown error'}`;
}

/** Prints one line per agent start and finish (for `alex serve`, where many jobs may run at once). */
export function progressPrinter(write: (line: string) => void): (event: ProgressEvent) => void {
  return (event) => write(eventLine(event));
}

/**
 * Agent progress on stderr, so stdout stays free for --json. Every start and finish is a line of its own. On
 * a terminal one live line below them shows what is running and for how long (`… reporter 3.2s, retirement
 * 1.1s`); elsewhere (logs, CI) a heartbeat line every `heartbeatMs` says the same while anything runs.
 */
export function createProgressView(
  sink: ProgressSink,
  options: { heartbeatMs?: number; redrawMs?: number } = {},
): ProgressView {
  const running = new Map<string, number>();
  const tty = sink.isTTY === true;
  let live = false;
  const status = () =>
    [...running].map(([agent, since]) => `${agent} ${seconds(Date.now() - since, 1)}`).join(', ');
  const clear = () => {
    if (live) sink.write('\r\x1b[2K');
    live = false;
  };
  const draw = () => {
    clear();
    if (running.size === 0) return;
    sink.write(`  … ${status()}`);
    live = true;
  };
  const log = (line: string) => {
    clear();
    sink.write(`${line}\n`);
    if (tty) draw();
  };
  const timer = tty
    ? setInterval(draw, options.redrawMs ?? 100)
    : setInterval(() => {
        if (running.size > 0) log(`  … still working: ${status()}`);
      }, options.heartbeatMs ?? 10_000);
  timer.unref();
  return {
    onProgress(event) {
      if (event.phase === 'started') running.set(event.agent, Date.now());
      else running.delete(event.agent);
      log(eventLine(event));
    },
    log,
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
