import { AlexError } from '@alex/errors';

/** A build or packaging step failed; the message is one line naming the Lambda and the reason. */
export class BuildError extends AlexError {}

/** A deploy step failed; the message is the one line printed before the non-zero exit. */
export class DeployError extends AlexError {}
