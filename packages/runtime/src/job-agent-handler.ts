import { type AgentName, type AgentResponse, JobEvent } from '@alex/contracts';
import { errorMessage, formatIssues } from '@alex/errors';
import { InvalidEventError } from './errors';
import type { Logger } from './logger';

/**
 * The boundary of a specialist Lambda: parses `{job_id}`, runs the core with a job-scoped logger, and turns
 * an unexpected error into a logged, user-safe failure response (the planner records it; nothing is retried).
 */
export function createJobAgentHandler(
  agent: AgentName,
  logger: Logger,
  run: (event: JobEvent, logger: Logger) => Promise<AgentResponse>,
) {
  return async (event: unknown): Promise<AgentResponse> => {
    const parsed = JobEvent.safeParse(event);
    if (!parsed.success) {
      const reason = formatIssues(parsed.error, { root: 'event' });
      logger.error(`${agent} received an invalid event`, { reason });
      throw new InvalidEventError(`invalid ${agent} event: ${reason}`);
    }
    const jobLogger = logger.child({ jobId: parsed.data.job_id, agent });
    try {
      return await run(parsed.data, jobLogger);
    } catch (error) {
      jobLogger.error(`${agent} stopped on an unexpected error`, { error: errorMessage(error) });
      return { ok: false, agent, error: `${agent} stopped on an internal error` };
    }
  };
}

/** The write fence of a specialist's event: its attempt, when the planner sent one. */
export function attemptFence(event: JobEvent): { attempt?: number } {
  return event.attempt === undefined ? {} : { attempt: event.attempt };
}
