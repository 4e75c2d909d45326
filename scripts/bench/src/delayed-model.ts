import { type Model, type ModelRequest, type ModelResponse, Usage } from '@openai/agents-core';
import { assistantMessage } from '@openai/agents-core/testing';

const REPORT = `# Portfolio review\n\n${'A benchmark report paragraph standing in for model prose. '.repeat(8)}`;
const CHART_CHOICE = JSON.stringify({
  charts: [
    { key: 'asset_allocation', title: 'Asset mix', description: 'By asset class.' },
    { key: 'top_holdings', title: 'Largest holdings', description: 'By value.' },
  ],
});

// The planner's structured plan: the three specialists at once (every key present, as strict output requires).
const FULL_PLAN = JSON.stringify({
  confidence: 0.9,
  steps: ['reporter', 'charter', 'retirement'].map((agent) => ({
    agent,
    stage: 1,
    emphasis: '',
    scenarios: [],
    charts: [],
    rationale: `${agent} applies to this portfolio`,
    confidence: 0.9,
  })),
});

/** What each agent's model call answers in the benchmark, chosen from the request it receives. */
function answer(request: ModelRequest): ModelResponse['output'] {
  if (request.systemInstructions?.startsWith('You plan a portfolio analysis'))
    return [assistantMessage(FULL_PLAN)];
  if (request.systemInstructions?.startsWith('You choose and describe charts'))
    return [assistantMessage(CHART_CHOICE)];
  return [assistantMessage(REPORT)];
}

/** A model that waits a fixed time per call, then answers like a well-behaved model would. */
export function delayedModel(delayMs: number): Model & { calls: number } {
  const model = {
    calls: 0,
    async getResponse(request: ModelRequest): Promise<ModelResponse> {
      model.calls += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return {
        output: answer(request),
        usage: new Usage({ requests: 1, inputTokens: 100, outputTokens: 100, totalTokens: 200 }),
      };
    },
    getStreamedResponse(): never {
      throw new Error('the benchmark model does not stream');
    },
  };
  return model;
}
