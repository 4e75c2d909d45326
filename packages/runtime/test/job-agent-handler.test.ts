import type { AgentResponse, JobEvent } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { attemptFence, createJobAgentHandler, createMemoryLogger, type Logger } from '../src';

const JOB_ID = '0b7e3f1c-5a2d-4c8e-9f10-2a3b4c5d6e7f';

const answered: AgentResponse = {
  ok: true,
  agent: 'reporter',
  model: 'offline',
  usage: { requests: 0, input_tokens: 0, output_tokens: 0 },
  detail: null,
};

/** A reporter handler over a core that records what it was given and answers with `outcome`. */
function reporterHandler(outcome: () => Promise<AgentResponse>) {
  const logger = createMemoryLogger('reporter');
  const calls: { event: JobEvent; logger: Logger }[] = [];
  const handle = createJobAgentHandler('reporter', logger, async (event, jobLogger) => {
    calls.push({ event, logger: jobLogger });
    return outcome();
  });
  return { handle, calls, lines: logger.lines };
}

describe('createJobAgentHandler', () => {
  it('passes the parsed event to the core and returns its response unchanged', async () => {
    const { handle, calls } = reporterHandler(async () => answered);

    const response = await handle({ job_id: JOB_ID, attempt: 2 });

    expect(response).toEqual(answered);
    expect(calls.map((call) => call.event)).toEqual([{ job_id: JOB_ID, attempt: 2 }]);
  });

  it('drops fields the job event does not define before the core sees it', async () => {
    const { handle, calls } = reporterHandler(async () => answered);

    await handle({ job_id: JOB_ID, user: 'someone_else' });

    expect(calls[0]?.event).toEqual({ job_id: JOB_ID });
  });

  it('gives the core a logger whose lines carry the job id and the agent', async () => {
    const { handle, calls, lines } = reporterHandler(async () => answered);

    await handle({ job_id: JOB_ID });
    calls[0]?.logger.info('report stored', { words: 812 });

    expect(lines).toEqual([
      expect.objectContaining({ message: 'report stored', jobId: JOB_ID, agent: 'reporter', words: 812 }),
    ]);
  });

  it('rejects an event without a job id with an InvalidEventError naming the field', async () => {
    const { handle, calls } = reporterHandler(async () => answered);

    const failure = handle({ attempt: 1 });

    await expect(failure).rejects.toMatchObject({ name: 'InvalidEventError' });
    await expect(failure).rejects.toThrow(/^invalid reporter event: job_id: /);
    expect(calls).toEqual([]);
  });

  it('names every invalid field of the event in one error', async () => {
    const { handle } = reporterHandler(async () => answered);

    await expect(handle({ job_id: 'not-a-uuid', attempt: 0 })).rejects.toThrow(
      /^invalid reporter event: job_id: job_id must be a uuid; attempt: .+/,
    );
  });

  it('names the event itself when it is not an object', async () => {
    const { handle } = reporterHandler(async () => answered);

    await expect(handle('run job 1')).rejects.toThrow(/^invalid reporter event: event: /);
  });

  it('logs an invalid event with the reason before throwing', async () => {
    const { handle, lines } = reporterHandler(async () => answered);

    await handle({ job_id: 42 }).catch(() => undefined);

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'reporter received an invalid event',
        reason: expect.stringMatching(/^job_id: /),
      }),
    ]);
  });

  it('turns an unexpected error of the core into a user-safe failure response', async () => {
    const { handle } = reporterHandler(async () => {
      throw new Error('relation "jobs" does not exist\nSELECT * FROM jobs WHERE clerk_user_id = $1');
    });

    const response = await handle({ job_id: JOB_ID });

    expect(response).toEqual({
      ok: false,
      agent: 'reporter',
      error: 'reporter stopped on an internal error',
    });
  });

  it('logs the unexpected error with the job id, keeping only the first line of its message', async () => {
    const { handle, lines } = reporterHandler(async () => {
      throw new Error('relation "jobs" does not exist\nSELECT * FROM jobs WHERE clerk_user_id = $1');
    });

    await handle({ job_id: JOB_ID });

    expect(lines).toEqual([
      {
        level: 'error',
        time: expect.any(String),
        service: 'reporter',
        message: 'reporter stopped on an unexpected error',
        jobId: JOB_ID,
        agent: 'reporter',
        error: 'relation "jobs" does not exist',
      },
    ]);
  });

  it('returns a failure response the core chose without logging it as unexpected', async () => {
    const refused: AgentResponse = { ok: false, agent: 'reporter', error: 'the portfolio has no positions' };
    const { handle, lines } = reporterHandler(async () => refused);

    expect(await handle({ job_id: JOB_ID })).toEqual(refused);
    expect(lines).toEqual([]);
  });
});

describe('attemptFence', () => {
  it('fences writes to the attempt the planner sent', () => {
    expect(attemptFence({ job_id: JOB_ID, attempt: 3 })).toEqual({ attempt: 3 });
  });

  it('is empty when the event carries no attempt, so the write is unfenced', () => {
    const fence = attemptFence({ job_id: JOB_ID });

    expect(fence).toEqual({});
    expect('attempt' in fence).toBe(false);
  });
});
