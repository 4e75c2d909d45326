import { errorCode, firstLine } from '@alex/errors';
import { CliError } from './errors';

/** A failed run as the CLI reports it: one line on stderr, and with --json one document on stdout. */
export interface Failure {
  message: string;
  exitCode: number;
  /** A stable name for the kind of failure (`usage`, `not_found`, `ENOENT`, …) when there is one. */
  code?: string;
  /** A line after the message saying where help is (usage errors). */
  hint?: string;
}

/** The failure a thrown value stands for: our errors keep their exit code; anything else exits 1. */
export function failureOf(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CliError) {
    // Usage messages may carry a second line worth keeping; other reasons are cut to their first line.
    const text = error.exitCode === 2 ? message : firstLine(message, Number.POSITIVE_INFINITY);
    return { message: text, exitCode: error.exitCode, ...(error.code ? { code: error.code } : {}) };
  }
  const code = errorCode(error);
  return {
    message: firstLine(message, Number.POSITIVE_INFINITY),
    exitCode: 1,
    ...(code !== undefined ? { code } : {}),
  };
}

/**
 * Writes the failure (`alex: …` on stderr, plus `{"error": {…}}` on stdout when `json`) and returns its exit
 * code. `stdoutFree` is false when the command already printed its document, so stdout keeps exactly one.
 */
export function writeFailure(failure: Failure, json: boolean, stdoutFree = true): number {
  process.stderr.write(`alex: ${failure.message}\n${failure.hint ? `${failure.hint}\n` : ''}`);
  if (json && stdoutFree) {
    const error = {
      message: failure.message.replaceAll('\n', ' '),
      ...(failure.code ? { code: failure.code } : {}),
      exit_code: failure.exitCode,
    };
    process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
  }
  return failure.exitCode;
}
