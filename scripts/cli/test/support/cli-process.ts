import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const main = `${root}scripts/cli/src/main.ts`;

/** Names the bundled `alex` (built by cli-bundle-setup.ts) that `startCli` runs instead of the source. */
export const CLI_BUNDLE_ENV = 'ALEX_TEST_CLI_BUNDLE';

/** What one CLI run printed and returned. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The path of a fixture file under scripts/cli/test/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** An `alex` child process whose output is collected as it arrives. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends a signal to the CLI's whole process group (as Ctrl-C in a terminal does). */
  killGroup(signal: NodeJS.Signals): void;
  /** Resolves with the first match of `pattern` in stderr (rejects if the process exits first). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/**
 * What `alex` runs from: the run's bundle of the CLI, which the global setup builds (cli-bundle-setup.ts), or
 * the source through tsx, as `pnpm alex` runs it.
 */
export type CliEntry = 'bundle' | 'source';

function nodeArguments(args: string[], entry: CliEntry): string[] {
  if (entry === 'source') return ['--import', 'tsx', main, ...args];
  const bundle = process.env[CLI_BUNDLE_ENV];
  if (!bundle)
    throw new Error(`${CLI_BUNDLE_ENV} is not set: the cli project's global setup builds the bundle`);
  return [bundle, ...args];
}

/** Starts `alex ARGS` in its own process group, with only PATH, HOME and `env` in its environment. */
export function startCli(
  args: string[],
  env: Record<string, string>,
  entry: CliEntry = 'bundle',
): CliProcess {
  const child = spawn(process.execPath, nodeArguments(args, entry), {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    killGroup(signal) {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    },
    waitForStderr(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = stderr.match(pattern);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} on stderr within ${timeoutMs} ms:\n${stderr}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`alex exited before ${pattern} appeared:\n${stderr}`));
        });
        check();
      });
    },
  };
}

/**
 * Runs `alex ARGS` to completion without blocking this process (so several runs may overlap, and servers in
 * the test process keep answering), killing it after `timeoutMs`.
 */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  options: { timeoutMs?: number; entry?: CliEntry } = {},
): Promise<CliRun> {
  const { timeoutMs = 120_000, entry = 'bundle' } = options;
  const cli = startCli(args, env, entry);
  const timer = setTimeout(() => cli.killGroup('SIGKILL'), timeoutMs);
  const status = await cli.exited;
  clearTimeout(timer);
  return { status, stdout: cli.stdout(), stderr: cli.stderr() };
}

/**
 * Stops the local database server a data directory may have (when the CLI serves its embedded database to
 * other processes through one): the pid it published in `db-server.json`, if that process still runs.
 */
export function stopDataDirServer(dataDir: string): void {
  try {
    const { pid } = JSON.parse(readFileSync(join(dataDir, 'db-server.json'), 'utf8')) as { pid?: number };
    if (typeof pid === 'number' && pid !== process.pid) process.kill(pid, 'SIGTERM');
  } catch {
    // No server state, or the server is gone already.
  }
}
