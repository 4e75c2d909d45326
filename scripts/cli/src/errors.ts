import { AlexError } from '@alex/errors';

/** A failure the CLI reports as one line on stderr with a non-zero exit code. */
export class CliError extends AlexError {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** The command line itself is wrong (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
