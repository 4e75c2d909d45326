import { withTrace } from '@openai/agents-core';

/**
 * Runs one agent's work for a job inside its own trace, named after the agent and grouped by the job id (a
 * Langfuse session), so every model call of a job is found together. Costs nothing when tracing is off.
 */
export function inJobTrace<R>(agent: string, jobId: string | null, work: () => Promise<R>): Promise<R> {
  return withTrace(agent, () => work(), {
    ...(jobId ? { groupId: jobId } : {}),
    metadata: { agent, ...(jobId ? { job_id: jobId } : {}) },
  });
}
