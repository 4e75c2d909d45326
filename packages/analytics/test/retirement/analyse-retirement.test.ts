import { describe, expect, it } from 'vitest';
import { analyseRetirement, RetirementAnalysis } from '../../src/retirement/analyse-retirement';
import { SPENDING_STRATEGIES } from '../../src/retirement/spending-strategy';
import { saverInput } from './support/retirement-input';

const input = saverInput({
  startValue: 400_000,
  targetIncome: 55_000,
  otherIncome: [{ name: 'social security', annualAmount: 18_000, startAge: 67 }],
  fees: { expenseRatio: 0.002, advisoryFee: 0.01 },
  seed: 5,
});

const analyse = () => {
  const result = analyseRetirement(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('analyseRetirement', () => {
  const analysis = analyse();

  it('returns a payload the contract schema accepts, with the method and why', () => {
    expect(RetirementAnalysis.parse(analysis)).toEqual(analysis);
    expect(analysis.method).toBe('parametric');
    expect(analysis.method_reason).toMatch(/parametric/);
  });

  it('reports the four spending strategies, the headline one matching the projection', () => {
    expect(analysis.strategies.map((outcome) => outcome.strategy.kind)).toEqual([...SPENDING_STRATEGIES]);
    const headline = analysis.strategies[0];
    expect(headline?.success_rate).toBe(analysis.success_rate);
    expect(headline?.spending).toEqual(analysis.spending);
    // Percent of portfolio and VPW never run out: they spend a share of what is left.
    expect(analysis.strategies[1]?.success_rate).toBe(1);
    expect(analysis.strategies[3]?.success_rate).toBe(1);
  });

  it('solves for income, contribution and retirement age at 90% confidence', () => {
    expect(analysis.solves.map((answer) => [answer.target, answer.confidence])).toEqual([
      ['income', 0.9],
      ['contribution', 0.9],
      ['retirement_age', 0.9],
    ]);
    for (const answer of analysis.solves) {
      expect(answer.value).not.toBeNull();
      expect(answer.achieved).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('gives six sensitivity rows, each method with and without fees, spanning the success range', () => {
    expect(analysis.sensitivity.map((row) => [row.method, row.fees])).toEqual([
      ['parametric', true],
      ['parametric', false],
      ['historical', true],
      ['historical', false],
      ['bootstrap', true],
      ['bootstrap', false],
    ]);
    const headline = analysis.sensitivity[0];
    expect(headline?.success_rate).toBe(analysis.success_rate);
    expect(headline?.paths).toBe(2_000);
    // 46 rows span 45 market years: 152 − 45 + 1 windows.
    expect(analysis.sensitivity[2]?.paths).toBe(108);
    const rates = analysis.sensitivity.map((row) => row.success_rate);
    expect(analysis.success_range).toEqual([Math.min(...rates), Math.max(...rates)]);
    expect(analysis.success_range[0]).toBeLessThan(analysis.success_range[1]);
  });

  it('never lowers a row by removing fees, and raises it where the plan is not certain', () => {
    for (let i = 0; i < 6; i += 2) {
      const withFees = analysis.sensitivity[i]?.success_rate as number;
      const withoutFees = analysis.sensitivity[i + 1]?.success_rate as number;
      expect(withoutFees).toBeGreaterThanOrEqual(withFees);
      if (withFees < 1) expect(withoutFees).toBeGreaterThan(withFees);
    }
  });

  it('is reproducible: the same input gives the same analysis', () => {
    expect(analyse()).toEqual(analysis);
  });
});
