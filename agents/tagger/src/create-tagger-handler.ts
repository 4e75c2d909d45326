import { type AgentResponse, TaggerEvent } from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import { inJobTrace } from '@alex/llm';
import { InvalidEventError } from '@alex/runtime';
import { runTagger, type TaggerDeps } from './run-tagger';

/** Builds the tagger handler: `{instruments: [{symbol, name}]}` in, an AgentResponse out. */
export function createTaggerHandler(deps: TaggerDeps) {
  return async (event: unknown): Promise<AgentResponse> => {
    const parsed = TaggerEvent.safeParse(event);
    if (!parsed.success) {
      const reason = formatIssues(parsed.error, { root: 'event' });
      deps.logger.error('tagger received an invalid event', { reason });
      throw new InvalidEventError(`invalid tagger event: ${reason}`);
    }
    const jobId = parsed.data.job_id ?? null;
    const logger = jobId ? deps.logger.child({ jobId }) : deps.logger;
    return inJobTrace('tagger', jobId, () => runTagger(parsed.data, { ...deps, logger }));
  };
}
