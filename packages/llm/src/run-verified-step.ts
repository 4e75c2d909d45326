import { ModelTextRejectedError } from './figures';
import { type ModelStepOptions, type ModelStepResult, runModelStep } from './run-model-step';

/** What a model step whose text is checked produced, and what the job's summary should say about it. */
export interface VerifiedStepResult<T> extends ModelStepResult<T> {
  /** Why the checks rejected the model's text (figures, sections or length); null when no text was rejected. */
  rejected: string | null;
  /** Why the fallback ran, for the summary: the rejected text's problems and model, else the step's reason. */
  detail: string | null;
}

/**
 * Runs a model step whose text is checked before it is stored ({@link writeVerifiedText}), keeping what was
 * rejected for the summary (it quotes the model's sentences, so the logs get {@link loggableModelError}).
 */
export async function runVerifiedStep<T>(options: ModelStepOptions<T>): Promise<VerifiedStepResult<T>> {
  let rejected: string | null = null;
  const step = await runModelStep({
    ...options,
    onFailure: (error, attempt) => {
      if (error instanceof ModelTextRejectedError) rejected = error.message;
      options.onFailure?.(error, attempt);
    },
  });
  const detail =
    step.fallbackReason && rejected ? `${rejected} (model ${options.llm.id})` : step.fallbackReason;
  return { ...step, rejected, detail };
}
