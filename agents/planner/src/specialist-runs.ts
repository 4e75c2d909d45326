import {
  AgentResponse,
  type AgentRunRecord,
  type AgentUsage,
  type SpecialistName,
  type StepFocus,
} from '@alex/contracts';
import type { AgentInvoker, Clock } from '@alex/runtime';

/** A finished specialist (or tagger) invocation as the summary records it. */
export interface AgentRun {
  record: AgentRunRecord;
  usage: AgentUsage | null;
  /** The model `usage` was spent on (it differs from `record.model` when the output was written without it). */
  usageModel: string | null;
}

/** Invokes an agent once and turns whatever happens into a record; never throws. */
export async function invokeAndRecord(
  invoker: AgentInvoker,
  clock: Clock,
  agent: Parameters<AgentInvoker['invoke']>[0],
  event: unknown,
): Promise<AgentRun> {
  const started = clock.now().getTime();
  const elapsed = () => Math.max(0, clock.now().getTime() - started);
  const failed = (error: string): AgentRun => ({
    record: { status: 'failed', duration_ms: elapsed(), model: null, error, detail: null },
    usage: null,
    usageModel: null,
  });
  const outcome = await invoker.invoke(agent, event).catch((error: unknown) => ({
    ok: false as const,
    error: error instanceof Error ? error.message : 'invocation failed',
  }));
  if (!outcome.ok) return failed(outcome.error);
  const response = AgentResponse.safeParse(outcome.payload);
  if (!response.success) return failed(`${agent} returned a response that does not match its contract`);
  if (!response.data.ok) return failed(response.data.error);
  const { model, usage, detail } = response.data;
  return {
    record: { status: 'succeeded', duration_ms: elapsed(), model, error: null, detail },
    usage,
    usageModel: response.data.usage_model ?? model,
  };
}

/** Runs each specialist at most once per job, however often the plan asks for it. */
export interface SpecialistRuns {
  /** Starts `specialist` with its step's focus (the first call's focus counts), or returns its run. */
  start(specialist: SpecialistName, focus?: StepFocus): Promise<AgentRun>;
  started(): SpecialistName[];
  settled(): Promise<Map<SpecialistName, AgentRun>>;
}

/**
 * Creates the once-per-job specialist runner for one job id and attempt: each specialist gets
 * `{job_id, attempt}` and writes only while the job is still on that attempt.
 */
export function specialistRuns(
  invoker: AgentInvoker,
  clock: Clock,
  jobId: string,
  attempt: number,
): SpecialistRuns {
  const runs = new Map<SpecialistName, Promise<AgentRun>>();
  return {
    start(specialist, focus) {
      let run = runs.get(specialist);
      if (!run) {
        const hasFocus = focus !== undefined && Object.keys(focus).length > 0;
        run = invokeAndRecord(invoker, clock, specialist, {
          job_id: jobId,
          attempt,
          ...(hasFocus ? { focus } : {}),
        });
        runs.set(specialist, run);
      }
      return run;
    },
    started: () => [...runs.keys()],
    async settled() {
      const entries = await Promise.all([...runs].map(async ([name, run]) => [name, await run] as const));
      return new Map(entries);
    },
  };
}
