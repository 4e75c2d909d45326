import { errorCode } from '@alex/errors';

/** Whether a process with this id exists on this machine (signal 0 only checks; EPERM: it exists, not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
