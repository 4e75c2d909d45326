import { LlmError } from '../errors';
import { describeTextCheck, type TextCheck } from './check-text';

/** A model's text that failed its check twice (figures, sections or shape); permanent, so never retried. */
export class ModelTextRejectedError extends LlmError {
  override name = 'ModelTextRejectedError';
}

/**
 * An error of a model step as a log line may carry it: a rejected text's message quotes the model's sentences
 * (portfolio figures among them), so only that it was rejected is logged; the summary keeps the details.
 */
export function loggableModelError(error: unknown): string {
  if (error instanceof ModelTextRejectedError) return 'model text rejected (figures, sections or length)';
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

/** A model's answer without its reasoning blocks (`<think>…</think>`), trimmed: the text that is checked. */
export function withoutReasoning(output: unknown): string {
  return String(output ?? '')
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .trim();
}

/** Options of {@link writeVerifiedText}. */
export interface VerifiedTextOptions {
  /** One model call; `feedback` is null the first time, then what was wrong with the first answer. */
  write: (feedback: string | null) => Promise<string>;
  check: (text: string) => TextCheck;
}

/** The note appended to the task for the one retry: the exact problems of the first answer. */
function feedbackFor(check: TextCheck): string {
  return [
    'Your previous answer was rejected, so it was not shown. Problems:',
    ...(check.figures.length > 0
      ? [
          `- These figures are not in the facts: ${check.figures.map((f) => `${f.text} ("${f.context}")`).join('; ')}.`,
        ]
      : []),
    ...(check.missingSections.length > 0
      ? [`- These sections are missing: ${check.missingSections.join(', ')}.`]
      : []),
    ...check.shape.map((problem) => `- The answer is ${problem}.`),
    'Write the whole answer again: every section asked for, and only figures that appear in the facts, as given or rounded (72.0% as 72%, $1,234,567.89 as $1.23M).',
  ].join('\n');
}

/**
 * Lets a model write a text and checks it; on problems, asks once more with the exact problems appended,
 * so at most two calls. Throws {@link ModelTextRejectedError}, naming what was rejected and why, when the
 * second answer fails too: the caller then stores its computed text.
 */
export async function writeVerifiedText(options: VerifiedTextOptions): Promise<string> {
  const first = await options.write(null);
  const firstCheck = options.check(first);
  if (firstCheck.ok) return first;
  const second = await options.write(feedbackFor(firstCheck));
  const secondCheck = options.check(second);
  if (secondCheck.ok) return second;
  throw new ModelTextRejectedError(`model text rejected: ${describeTextCheck(secondCheck, 3)}`);
}
