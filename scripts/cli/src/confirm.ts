import { createInterface } from 'node:readline/promises';
import { CliError, UsageError } from './errors';

/** Where a confirmation is asked: a terminal's input and the stream the question is written to. */
export interface Prompt {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * Asks `question` and resolves when the person answers yes; any other answer cancels. Without a terminal
 * there is nobody to ask, so it throws `refusal` (which should name the flag that skips the question).
 */
export async function confirmOrThrow(question: string, refusal: string, prompt: Prompt): Promise<void> {
  if (!prompt.input.isTTY) throw new UsageError(refusal);
  const readline = createInterface({ input: prompt.input, output: prompt.output });
  try {
    const answer = await readline.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim()))
      throw new CliError('cancelled; nothing was changed', 1, 'cancelled');
  } finally {
    readline.close();
  }
}
