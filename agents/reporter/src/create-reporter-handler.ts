import { inJobTrace } from '@alex/llm';
import { createJobAgentHandler } from '@alex/runtime';
import { type ReporterDeps, runReporter } from './run-reporter';

/** Builds the reporter handler: `{job_id}` in, an AgentResponse out. */
export function createReporterHandler(deps: ReporterDeps) {
  return createJobAgentHandler('reporter', deps.logger, (event, logger) =>
    inJobTrace('reporter', event.job_id, () => runReporter(event, { ...deps, logger })),
  );
}
