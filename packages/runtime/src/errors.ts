import { AlexError } from '@alex/errors';

/** Configuration is missing or invalid; the message names every variable and where it comes from. */
export class ConfigError extends AlexError {
  override name = 'ConfigError';
}

/** An event did not match its schema. */
export class InvalidEventError extends AlexError {
  override name = 'InvalidEventError';
}
