import { describe, expect, it } from 'vitest';
import { weightVector } from '../../src/retirement/cash-flow-plan';
import type { AnnualMarketYear } from '../../src/retirement/history';
import { BOOTSTRAP_BLOCK_YEARS, bootstrapScenarios } from '../../src/retirement/markets/bootstrap-market';
import type { MarketScenarios } from '../../src/retirement/markets/market-scenarios';

// Ten years whose inflation (1%, 2%, ... 10%) names the year, so every drawn step can be traced to its source.
const YEARS = 10;
const table: AnnualMarketYear[] = Array.from({ length: YEARS }, (_, i) => ({
  year: 1990 + i,
  stocks: 0.3 - 0.05 * i,
  bonds: 0.01 * i,
  inflation: 0.01 * (i + 1),
}));
const weights = weightVector({ equity: 0.6, fixed_income: 0.4 });

/** The table row each step of each path came from, found by its inflation. */
const sources = (scenarios: MarketScenarios): number[] =>
  Array.from(scenarios.inflation, (gross) => Math.round((gross - 1) * 100) - 1);

describe('bootstrapScenarios', () => {
  it('is reproducible by seed: the same seed gives identical markets, another seed different ones', () => {
    const first = bootstrapScenarios(table, weights, 200, 30, 11);
    expect(bootstrapScenarios(table, weights, 200, 30, 11)).toEqual(first);
    const other = bootstrapScenarios(table, weights, 200, 30, 12);
    expect(other.growth).not.toEqual(first.growth);
    expect(other.inflation).not.toEqual(first.inflation);
  });

  it('draws only table years, keeping each year stock, bond and inflation figures together', () => {
    const scenarios = bootstrapScenarios(table, weights, 500, 23, 5);
    sources(scenarios).forEach((source, i) => {
      expect(source).toBeGreaterThanOrEqual(0);
      expect(source).toBeLessThan(YEARS);
      const row = table[source] as AnnualMarketYear;
      expect(scenarios.inflation[i]).toBeCloseTo(1 + row.inflation, 12);
      expect(scenarios.growth[i]).toBeCloseTo(1 + 0.6 * row.stocks + 0.4 * row.bonds, 12);
    });
  });

  it('stitches blocks of consecutive years of the block length, wrapping from the last year to the first', () => {
    const steps = 23; // four whole blocks and a partial one
    const scenarios = bootstrapScenarios(table, weights, 500, steps, 9);
    const drawn = sources(scenarios);
    let wraps = 0;
    for (let path = 0; path < 500; path++) {
      for (let step = 1; step < steps; step++) {
        if (step % BOOTSTRAP_BLOCK_YEARS === 0) continue;
        const previous = drawn[path * steps + step - 1] as number;
        expect(drawn[path * steps + step]).toBe((previous + 1) % YEARS);
        if (previous === YEARS - 1) wraps++;
      }
    }
    expect(BOOTSTRAP_BLOCK_YEARS).toBe(5);
    // Blocks start anywhere, so some cross from the last year to the first.
    expect(wraps).toBeGreaterThan(100);
    // Block starts are drawn afresh: consecutive blocks do not simply continue each other.
    const starts = drawn.filter((_, i) => i % steps !== 0 && (i % steps) % BOOTSTRAP_BLOCK_YEARS === 0);
    const continued = starts.filter((start, k) => {
      const i = Math.floor(k / 4) * steps + ((k % 4) + 1) * BOOTSTRAP_BLOCK_YEARS;
      return start === ((drawn[i - 1] as number) + 1) % YEARS;
    });
    expect(continued.length).toBeLessThan(starts.length / 5);
  });

  it('draws every year about equally often over many paths', () => {
    const paths = 2_000;
    const steps = 20;
    const counts = new Array<number>(YEARS).fill(0);
    for (const source of sources(bootstrapScenarios(table, weights, paths, steps, 3))) {
      counts[source] = (counts[source] as number) + 1;
    }
    // 8,000 blocks, each covering 5 of the 10 years: a year's count has mean 4,000 and sd √(8,000·¼) ≈ 45.
    for (const count of counts) {
      expect(count).toBeGreaterThan(4_000 - 250);
      expect(count).toBeLessThan(4_000 + 250);
    }
  });
});
