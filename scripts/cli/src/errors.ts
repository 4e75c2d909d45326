import { AlexError } from '@alex/errors';

/** A failure the CLI reports as one line on stderr (and one JSON document with --json) and an exit code. */
export class CliError extends AlexError {
  constructor(
    message: string,
    readonly exitCode: number = 1,
    /** A stable name for the kind of failure, printed in the --json error document. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The command line itself is wrong (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2, 'usage');
  }
}

/** The job, user or file asked for does not exist (exit code 1). */
export class NotFoundError extends CliError {
  constructor(message: string) {
    super(message, 1, 'not_found');
  }
}
