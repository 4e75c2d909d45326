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
});
