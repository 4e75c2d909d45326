/** A build or packaging step failed; the message is one line naming the Lambda and the reason. */
export class BuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
