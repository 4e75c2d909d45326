import { formatIssues, isTransientError } from '@alex/errors';
import {
  MaxTurnsExceededError,
  type Model,
  ModelBehaviorError,
  setTracingDisabled,
} from '@openai/agents-core';
import { z } from 'zod';
import type { LanguageModel, UsageMeter } from './language-model';
import { meteredModel } from './metered-model';

/** What a model step produced, and who wrote it. */
export interface ModelStepResult<T> {
  value: T;
  /** The model id, or "offline" when the fallback wrote it. */
  model: string;
  /** Why the fallback ran (no model configured, or the model failed); null when the model succeeded. */
  fallbackReason: string | null;
}

/** Options of one model step. */
export interface ModelStepOptions<T> {
  llm: LanguageModel;
  meter: UsageMeter;
  /** Runs the agent with the (metered) model; throws when the model misbehaves or its output is invalid. */
  step: (model: Model) => Promise<T>;
  /** Deterministic output from computed data, used offline and when the model keeps failing. */
  fallback: () => T | Promise<T>;
  /** Attempts for transient failures (network, 429, 5xx); behaviour errors are never retried. */
  attempts?: number;
  onFailure?: (error: unknown, attempt: number) => void;
}

// The SDK exports traces to OpenAI by default; nothing leaves the machine unless tracing is configured.
setTracingDisabled(true);

/**
 * True for failures a retry can fix ({@link isTransientError}), except the Agents SDK's behaviour errors,
 * whose class names say nothing. A model that retries on its own (Bedrock) reports a spent retry budget as
 * ModelRetriesExhaustedError, which is permanent, so the two retry layers never multiply.
 */
export function isTransientModelError(error: unknown): boolean {
  return (
    !(error instanceof ModelBehaviorError || error instanceof MaxTurnsExceededError) &&
    isTransientError(error)
  );
}

function describe(error: unknown): string {
  // Output that failed validation (zod) is summarised by its issues, not its JSON issue list.
  const message =
    error instanceof z.core.$ZodError
      ? `invalid output: ${formatIssues(error.issues)}`
      : error instanceof Error
        ? error.message
        : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * Runs one model-written step with bounded retries for transient failures; offline, or when the model
 * fails for good, returns the deterministic fallback and says why.
 */
export async function runModelStep<T>(options: ModelStepOptions<T>): Promise<ModelStepResult<T>> {
  const { llm } = options;
  if (llm.model === null) {
    return { value: await options.fallback(), model: 'offline', fallbackReason: 'no model configured' };
  }
  const model = meteredModel(llm.model, options.meter);
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return { value: await options.step(model), model: llm.id, fallbackReason: null };
    } catch (error) {
      options.onFailure?.(error, attempt);
      if (!isTransientModelError(error) || attempt === attempts) {
        return {
          value: await options.fallback(),
          model: 'offline',
          fallbackReason: `model ${llm.id}${llm.endpoint ? ` at ${llm.endpoint}` : ''} failed: ${describe(error)}`,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
  throw new Error('unreachable: the loop always returns');
}
