import { OFFLINE } from '@alex/llm';
import { createMemoryLogger, systemClock } from '@alex/runtime';
import { openSeededDatabase, recordedEvent } from '@alex/testing';
import { describe, expect, it } from 'vitest';
import { createTaggerHandler } from '../src';

describe('tagger handler on its recorded event', () => {
  it('leaves the instruments unclassified offline, creating none of them with invented data', async () => {
    const database = await openSeededDatabase();
    try {
      const event = recordedEvent(new URL('./events/instruments.json', import.meta.url));
      const handler = createTaggerHandler({
        repos: database.repos,
        llm: OFFLINE,
        logger: createMemoryLogger(),
        clock: systemClock,
      });
      const response = await handler(event);
      expect(response).toMatchObject({ ok: true, agent: 'tagger', model: 'offline' });
      expect(response.ok && response.detail).toBe(
        'left unclassified: VTI (no such instrument); ARKK (no such instrument)',
      );
      expect(await database.repos.instruments.findMany(['VTI', 'ARKK'])).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('names the job that asked on its log lines, when the planner sends it', async () => {
    const database = await openSeededDatabase();
    try {
      const logger = createMemoryLogger();
      const handler = createTaggerHandler({
        repos: database.repos,
        llm: OFFLINE,
        logger,
        clock: systemClock,
      });
      const jobId = '5b7c2d1e-0f3a-4b6c-9d8e-7f6a5b4c3d2e';
      await handler({ instruments: [{ symbol: 'ZZZ', name: 'Zzz Corp' }], job_id: jobId });
      expect(logger.lines.find((line) => line.message === 'tagging finished')).toMatchObject({ jobId });
    } finally {
      await database.close();
    }
  });
});
