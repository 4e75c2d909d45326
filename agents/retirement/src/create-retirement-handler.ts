import { inJobTrace } from '@alex/llm';
import { createJobAgentHandler } from '@alex/runtime';
import { type RetirementDeps, runRetirement } from './run-retirement';

/** Builds the retirement handler: `{job_id}` in, an AgentResponse out. */
export function createRetirementHandler(deps: RetirementDeps) {
  return createJobAgentHandler('retirement', deps.logger, (event, logger) =>
    inJobTrace('retirement', event.job_id, () => runRetirement(event, { ...deps, logger })),
  );
}
