import { spawn } from 'node:child_process';

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
export function captureCommand(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout.trim());
      const detail = stderr.trim().split('\n').filter(Boolean).at(-1);
      reject(new Error(`${exitReason(command, code, signal)}${detail ? `: ${detail}` : ''}`));
    });
  });
}
