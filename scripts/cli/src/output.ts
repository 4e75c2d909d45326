/** Where a command writes: one JSON document on stdout with --json, human text otherwise; logs go to stderr. */
export interface Output {
  readonly json: boolean;
  /** True once `result` has written, so a later failure does not add a second JSON document. */
  readonly wroteResult: boolean;
  /** Prints the command's result: `data` as JSON, or the text `human()` renders. */
  result(data: unknown, human: () => string): void;
  /** A progress or log line; always stderr so stdout stays parseable. */
  log(message: string): void;
}

/** Creates the output for one command run. */
export function createOutput(json: boolean): Output {
  let wroteResult = false;
  return {
    json,
    get wroteResult() {
      return wroteResult;
    },
    result(data, human) {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
      wroteResult = true;
    },
    log(message) {
      process.stderr.write(`${message}\n`);
    },
  };
}
