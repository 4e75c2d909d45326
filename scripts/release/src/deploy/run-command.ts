import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

function exitReason(command: string, code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `${command} was killed by ${signal}` : `${command} exited with code ${code}`;
}

/** Runs a command with the terminal attached (Terraform may ask for approval); rejects on a non-zero exit. */
export function runCommand(command: string, args: readonly string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(exitReason(command, code, signal))),
    );
  });
}

/** Runs a command and resolves with its trimmed stdout; stderr's last line explains a failure. */
export async function captureCommand(command: string, args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd });
    return stdout.trim();
  } catch (error) {
    const { code, signal, stderr } = error as {
      code?: unknown;
      signal?: NodeJS.Signals | null;
      stderr?: string;
    };
    // A command that could not start at all (ENOENT) has a string code and no output.
    if (typeof code === 'string') throw error;
    const detail = (stderr ?? '').trim().split('\n').filter(Boolean).at(-1);
    throw new Error(
      `${exitReason(command, typeof code === 'number' ? code : null, signal ?? null)}${detail ? `: ${detail}` : ''}`,
    );
  }
}
