import type { AgentName } from '@alex/contracts';
import type { AgentInvoker, InvokeOutcome } from '@alex/runtime';

/** One recorded invocation with its timing. */
export interface RecordedInvocation {
  agent: AgentName;
  event: unknown;
  startedAt: number;
  finishedAt: number | null;
}

/** An invoker that records every call and answers with per-agent behaviours (a fake of the real port). */
export function recordingInvoker(
  behaviours: Partial<Record<AgentName, (event: unknown) => Promise<InvokeOutcome>>>,
): AgentInvoker & { calls: RecordedInvocation[] } {
  const calls: RecordedInvocation[] = [];
  return {
    calls,
    async invoke(agent, event) {
      const call: RecordedInvocation = { agent, event, startedAt: performance.now(), finishedAt: null };
      calls.push(call);
      const behaviour = behaviours[agent];
      try {
        return behaviour ? await behaviour(event) : { ok: false, error: `no behaviour for ${agent}` };
      } finally {
        call.finishedAt = performance.now();
      }
    },
  };
}

/** Resolves once `count` callers are waiting, so a test proves calls overlap without timing thresholds. */
export function barrier(count: number, timeoutMs = 5_000): () => Promise<void> {
  let waiting = 0;
  let release: () => void = () => {};
  const open = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    waiting += 1;
    if (waiting >= count) release();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`barrier: only ${waiting} of ${count} arrived`)), timeoutMs);
    });
    try {
      await Promise.race([open, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
