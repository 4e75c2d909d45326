import { createJobAgentHandler } from '@alex/runtime';
import { type CharterDeps, runCharter } from './run-charter';

/** Builds the charter handler: `{job_id}` in, an AgentResponse out. */
export function createCharterHandler(deps: CharterDeps) {
  return createJobAgentHandler('charter', deps.logger, (event, logger) =>
    runCharter(event, { ...deps, logger }),
  );
}
