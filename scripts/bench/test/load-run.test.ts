import { describe, expect, it } from 'vitest';
import { runConcurrently } from '../src/load-run';

describe('runConcurrently', () => {
  it('runs every index once with at most the given number in flight, and counts failed calls', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    const run = await runConcurrently(25, 4, async (index) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(index);
      inFlight--;
      return index % 5 !== 0;
    });
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(most).toBe(4);
    expect(run.latenciesMs).toHaveLength(25);
    expect(run.failures).toBe(5);
  });
});
