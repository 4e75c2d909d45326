import type { AgentName } from '@alex/contracts';
import { errorMessage } from '@alex/errors';
import type { AgentInvoker } from './ports';

/** A handler as the invoker calls it: the event in, the response payload out. */
export type AgentHandler = (event: unknown) => Promise<unknown>;

/**
 * Invokes agents as plain function calls in this process, with Lambda's semantics: a thrown error becomes
 * a failed invocation (like FunctionError), the payload is passed through a JSON round trip.
 */
export function inProcessInvoker(handlers: Partial<Record<AgentName, AgentHandler>>): AgentInvoker {
  return {
    async invoke(agent, event) {
      const handler = handlers[agent];
      if (!handler) return { ok: false, error: `no handler registered for ${agent}` };
      try {
        const payload = await handler(JSON.parse(JSON.stringify(event)));
        return { ok: true, payload: payload === undefined ? null : JSON.parse(JSON.stringify(payload)) };
      } catch (error) {
        return { ok: false, error: `${agent} failed: ${errorMessage(error)}` };
      }
    },
  };
}
