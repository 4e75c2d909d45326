import { describe, expect, it } from 'vitest';
import { extractEmbedding } from '../src';

describe('extractEmbedding', () => {
  it('takes the first token vector of a triple-nested response, as the reference does', () => {
    expect(
      extractEmbedding([
        [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
      ]),
    ).toEqual({ ok: true, value: [0.1, 0.2] });
  });

  it('takes the pooled vector of a double-nested response instead of its first number', () => {
    expect(extractEmbedding([[0.5, 0.6, 0.7]])).toEqual({ ok: true, value: [0.5, 0.6, 0.7] });
  });

  it('takes a flat vector as it is', () => {
    expect(extractEmbedding([0.5, 0.6])).toEqual({ ok: true, value: [0.5, 0.6] });
  });

  it('rejects responses that hold no vector of numbers', () => {
    expect(extractEmbedding({ embeddings: [] }).ok).toBe(false);
    expect(extractEmbedding([]).ok).toBe(false);
    expect(extractEmbedding([[]]).ok).toBe(false);
    expect(extractEmbedding([['a', 'b']]).ok).toBe(false);
    expect(extractEmbedding([[Number.NaN]]).ok).toBe(false);
  });
});
