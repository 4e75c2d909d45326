/** Base class for errors of the local Lambda endpoint; keeps the cause and names itself. */
export class LambdaLocalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Options given to {@link startLambdaEndpoint} are invalid; the message names each problem. */
export class LambdaLocalConfigError extends LambdaLocalError {}

/** An error the Lambda API answers with instead of running the function (not a function error). */
export class LambdaServiceError extends LambdaLocalError {
  readonly status: number;
  readonly errorType: string;
  readonly body: Record<string, unknown>;

  constructor(status: number, errorType: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.errorType = errorType;
    // The REST-JSON shape Lambda uses: the type in x-amzn-ErrorType, `Type` and `Message` in the body.
    this.body = { Type: status >= 500 ? 'Service' : 'User', Message: message, ...extra };
  }
}
