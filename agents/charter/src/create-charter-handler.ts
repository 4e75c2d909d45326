import { inJobTrace } from '@alex/llm';
import { createJobAgentHandler } from '@alex/runtime';
import { type CharterDeps, runCharter } from './run-charter';

/** Builds the charter handler: `{job_id}` in, an AgentResponse out. */
export function createCharterHandler(deps: CharterDeps) {
  return createJobAgentHandler('charter', deps.logger, (event, logger) =>
    inJobTrace('charter', event.job_id, () => runCharter(event, { ...deps, logger })),
  );
}
