import { Usage } from '@openai/agents-core';
import { assistantMessage, ScriptedModel } from '@openai/agents-core/testing';

/** A language model (`LanguageModel` of `@alex/llm`) whose scripted model tests can read back for its calls. */
export interface ScriptedLlm {
  id: string;
  model: ScriptedModel;
}

/**
 * A language model that answers each call with the next of `answers` as plain assistant text, counting one
 * request of 10 input and 10 output tokens per answer; a call beyond the last answer fails.
 */
export function scriptedLlm(answers: readonly string[], id = 'scripted'): ScriptedLlm {
  const model = new ScriptedModel(
    answers.map((answer) => ({
      output: [assistantMessage(answer)],
      usage: new Usage({ requests: 1, inputTokens: 10, outputTokens: 10, totalTokens: 20 }),
    })),
  );
  return { id, model };
}
