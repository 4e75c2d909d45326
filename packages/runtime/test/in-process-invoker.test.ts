import { describe, expect, it } from 'vitest';
import { type AgentHandler, inProcessInvoker } from '../src';

/** A handler that keeps every event it receives and answers with `answer(event)`. */
function recordingHandler(answer: (event: unknown) => unknown = () => ({ ok: true })) {
  const events: unknown[] = [];
  const handler: AgentHandler = async (event) => {
    events.push(event);
    return answer(event);
  };
  return { handler, events };
}

describe('inProcessInvoker', () => {
  it('calls the handler registered for the agent and returns its payload', async () => {
    const tagger = recordingHandler(() => ({ ok: true, agent: 'tagger', tagged: 2 }));
    const charter = recordingHandler();
    const invoker = inProcessInvoker({ tagger: tagger.handler, charter: charter.handler });

    const outcome = await invoker.invoke('tagger', { instruments: [{ symbol: 'VTI', name: 'Vanguard' }] });

    expect(outcome).toEqual({ ok: true, payload: { ok: true, agent: 'tagger', tagged: 2 } });
    expect(tagger.events).toEqual([{ instruments: [{ symbol: 'VTI', name: 'Vanguard' }] }]);
    expect(charter.events).toEqual([]);
  });

  it('fails the invocation when no handler is registered for the agent', async () => {
    const invoker = inProcessInvoker({ tagger: recordingHandler().handler });

    expect(await invoker.invoke('retirement', { job_id: 'j' })).toEqual({
      ok: false,
      error: 'no handler registered for retirement',
    });
  });

  it('turns a thrown error into a failed invocation naming the agent and the first line of the message', async () => {
    const invoker = inProcessInvoker({
      reporter: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect');
      },
    });

    expect(await invoker.invoke('reporter', { job_id: 'j' })).toEqual({
      ok: false,
      error: 'reporter failed: connect ECONNREFUSED 127.0.0.1:5432',
    });
  });

  it('passes the handler a JSON copy of the event, as Lambda would', async () => {
    const planner = recordingHandler();
    const invoker = inProcessInvoker({ planner: planner.handler });
    const event = { job_id: 'j', at: new Date('2025-03-01T12:00:00Z'), skipped: undefined, nested: { n: 1 } };

    await invoker.invoke('planner', event);

    expect(planner.events).toEqual([{ job_id: 'j', at: '2025-03-01T12:00:00.000Z', nested: { n: 1 } }]);
    expect(planner.events[0]).not.toBe(event);
    (planner.events[0] as { nested: { n: number } }).nested.n = 2;
    expect(event.nested.n).toBe(1);
  });

  it('returns a JSON copy of the payload, so the caller never shares the handler’s objects', async () => {
    const shared = { charts: [{ id: 'allocation' }], generatedAt: new Date('2025-03-01T12:00:00Z') };
    const invoker = inProcessInvoker({ charter: async () => shared });

    const outcome = await invoker.invoke('charter', { job_id: 'j' });

    expect(outcome).toEqual({
      ok: true,
      payload: { charts: [{ id: 'allocation' }], generatedAt: '2025-03-01T12:00:00.000Z' },
    });
    expect(outcome.ok && outcome.payload).not.toBe(shared);
  });

  it('returns a null payload when the handler returns nothing', async () => {
    const invoker = inProcessInvoker({ tagger: async () => undefined });

    expect(await invoker.invoke('tagger', {})).toEqual({ ok: true, payload: null });
  });

  it('fails the invocation when the payload cannot be serialised, as a Lambda response could not', async () => {
    const invoker = inProcessInvoker({ tagger: async () => ({ count: 10n }) });

    const outcome = await invoker.invoke('tagger', {});

    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^tagger failed: .*BigInt/);
  });

  it('reports a thrown non-Error value without exposing it', async () => {
    const invoker = inProcessInvoker({
      tagger: async () => {
        throw { secret: 'sk-live-4f9a1b' };
      },
    });

    expect(await invoker.invoke('tagger', {})).toEqual({ ok: false, error: 'tagger failed: unknown error' });
  });
});
