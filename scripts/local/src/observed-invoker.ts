import type { AgentName } from '@alex/contracts';
import type { AgentInvoker } from '@alex/runtime';

/** A step in a job's progress, as the CLI shows it. */
export type ProgressEvent =
  | { agent: AgentName; phase: 'started' }
  | {
      agent: AgentName;
      phase: 'finished';
      ok: boolean;
      ms: number;
      model: string | null;
      error: string | null;
    };

function describeOutcome(payload: unknown): { ok: boolean; model: string | null; error: string | null } {
  const response = payload as { ok?: boolean; model?: string; error?: string } | null;
  return { ok: response?.ok === true, model: response?.model ?? null, error: response?.error ?? null };
}

/** Wraps an invoker so every invocation reports when it starts and how it ends. */
export function observedInvoker(
  inner: AgentInvoker,
  onProgress: (event: ProgressEvent) => void,
): AgentInvoker {
  return {
    async invoke(agent, event) {
      onProgress({ agent, phase: 'started' });
      const started = performance.now();
      const outcome = await inner.invoke(agent, event);
      const ms = Math.round(performance.now() - started);
      const described = outcome.ok
        ? describeOutcome(outcome.payload)
        : { ok: false, model: null, error: outcome.error };
      onProgress({ agent, phase: 'finished', ms, ...described });
      return outcome;
    },
  };
}
