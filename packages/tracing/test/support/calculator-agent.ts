import {
  Agent,
  type Model,
  type ModelRequest,
  type ModelResponse,
  run,
  type StreamEvent,
  type TracingProcessor,
  tool,
  Usage,
  withGenerationSpan,
} from '@openai/agents-core';
import { assistantMessage, functionCall, ScriptedModel } from '@openai/agents-core/testing';
import { z } from 'zod';

/** Model id the traced test model reports on its generation spans. */
export const TEST_MODEL_ID = 'test-model-v1';

/** Wraps a model in an SDK generation span the way a provider model does (model, input, output, usage). */
class GenerationSpanModel implements Model {
  readonly #inner: Model;

  constructor(inner: Model) {
    this.#inner = inner;
  }

  getResponse(request: ModelRequest): Promise<ModelResponse> {
    const input =
      typeof request.input === 'string' ? [{ role: 'user', content: request.input }] : request.input;
    return withGenerationSpan(
      async (span) => {
        const response = await this.#inner.getResponse(request);
        span.spanData.output = response.output;
        span.spanData.usage = {
          input_tokens: response.usage.inputTokens,
          output_tokens: response.usage.outputTokens,
        };
        return response;
      },
      { data: { model: TEST_MODEL_ID, input } },
    );
  }

  getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    return this.#inner.getStreamedResponse(request);
  }
}

const add = tool({
  name: 'add',
  description: 'Adds two numbers.',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: async ({ a, b }) => String(a + b),
});

/** Runs a "Calculator" agent that calls the `add` tool once and then answers, all scripted. */
export async function runCalculator(): Promise<unknown> {
  const scripted = new ScriptedModel([
    {
      output: [functionCall('add', { a: 2, b: 3 }, { callId: 'call-1' })],
      usage: new Usage({ inputTokens: 12, outputTokens: 7, totalTokens: 19, requests: 1 }),
    },
    {
      output: [assistantMessage('5')],
      usage: new Usage({ inputTokens: 20, outputTokens: 1, totalTokens: 21 }),
    },
  ]);
  const model = new GenerationSpanModel(scripted);
  const agent = new Agent({
    name: 'Calculator',
    instructions: 'Add numbers with the tool.',
    model,
    tools: [add],
  });
  const result = await run(agent, 'What is 2 + 3?');
  return result.finalOutput;
}

/** A trace processor that records the name of every trace and span it is handed. */
export function recordingProcessor(): TracingProcessor & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    onTraceStart: async (trace) => void seen.push(`trace:${trace.name}`),
    onTraceEnd: async () => {},
    onSpanStart: async (span) => void seen.push(`span:${span.spanData.type}`),
    onSpanEnd: async () => {},
    shutdown: async () => {},
    forceFlush: async () => {},
  };
}
