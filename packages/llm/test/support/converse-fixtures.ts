import { readFileSync } from 'node:fs';
import {
  type ConverseCommandOutput,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));

/** A recorded Converse response, as the SDK deserializes it. */
export function converseReply(
  name:
    | 'converse-text-reply'
    | 'converse-parallel-tool-calls'
    | 'converse-structured-output'
    | 'converse-malformed-tool-input'
    | 'converse-unknown-tool',
): ConverseCommandOutput {
  return fixture(name) as ConverseCommandOutput;
}

interface RecordedError {
  message: string;
  $metadata: ConverseCommandOutput['$metadata'];
}

/** A recorded Converse error, rebuilt as the SDK's own exception class so classification sees the real shape. */
export function converseError(
  name: 'converse-throttling-exception' | 'converse-validation-exception',
): Error {
  const { message, $metadata } = fixture(name) as RecordedError;
  return name === 'converse-throttling-exception'
    ? new ThrottlingException({ message, $metadata })
    : new ValidationException({ message, $metadata });
}
