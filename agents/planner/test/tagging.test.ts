import { TaggerEvent } from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { TAGGER_BATCH } from '../src/tagging';

describe('tagger batches', () => {
  it('are exactly as large as the tagger event accepts', () => {
    const instruments = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ symbol: `S${i}`, name: `Instrument ${i}` }));
    expect(TaggerEvent.safeParse({ instruments: instruments(TAGGER_BATCH) }).success).toBe(true);
    expect(TaggerEvent.safeParse({ instruments: instruments(TAGGER_BATCH + 1) }).success).toBe(false);
  });
});
