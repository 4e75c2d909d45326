import { AlexError } from '@alex/errors';

/** Base class for errors of the local queue package; keeps the cause and names itself. */
export class LocalQueueError extends AlexError {}

/** Options passed to a local queue function are invalid; the message names each offending option. */
export class LocalQueueConfigError extends LocalQueueError {}
