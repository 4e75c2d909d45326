import { AlexError } from '@alex/errors';

/** Base class for errors of the local Lambda endpoint; keeps the cause and names itself. */
export class LambdaLocalError extends AlexError {}

/** Options given to {@link startLambdaEndpoint} are invalid; the message names each problem. */
export class LambdaLocalConfigError extends LambdaLocalError {}

/** An error the Lambda API answers with instead of running the function (not a function error). */
export class LambdaServiceError extends LambdaLocalError {
  readonly status: number;
  readonly errorType: string;

  constructor(status: number, errorType: string, message: string) {
    super(message);
    this.status = status;
    this.errorType = errorType;
  }
}
