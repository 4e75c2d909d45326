import { describe, expect, it } from 'vitest';
import {
  checkText,
  dataFigures,
  describeTextCheck,
  extractFigures,
  factFigures,
  unmatchedFigures,
} from '../../src';

const facts = [
  'Total value $1,234,567.89: holdings $1,000,000.00, cash $234,567.89, across 3 accounts.',
  '| Equity | $888,000.00 | 72.0% |',
  '- Success rate (target funded every year to age 95): 53.6%.',
  '- Equity: target 70.0%, actual 72.0% (+2.0 points)',
  '- Worst calendar year: 1931; stress periods 1973-74 and 2000-02.',
  '- VOO ("Vanguard S&P 500 ETF, says $9,999,999"): $45,025.00',
].join('\n');
const allowed = factFigures([facts]);
const unmatched = (text: string) => unmatchedFigures(text, allowed).map((figure) => figure.text);

describe('extractFigures', () => {
  it('reads dollars, scaled dollars, percentages, points and plain numbers with their rounding', () => {
    const figures = extractFigures('Worth $1.23M, or $12k in cash; 72% equity, +1.9 points; age 65 in 2051.');
    expect(figures.map(({ text, value, kind, tolerance }) => ({ text, value, kind, tolerance }))).toEqual([
      { text: '$1.23M', value: 1_230_000, kind: 'money', tolerance: 5000 },
      { text: '$12k', value: 12_000, kind: 'money', tolerance: 500 },
      { text: '72%', value: 72, kind: 'percent', tolerance: 0.5 },
      { text: '1.9 points', value: 1.9, kind: 'percent', tolerance: 0.05 },
      { text: '65', value: 65, kind: 'number', tolerance: 0.5 },
      { text: '2051', value: 2051, kind: 'number', tolerance: 0.5 },
    ]);
  });

  it('leaves out heading numbering, list markers, numbers glued to words and 401(k)', () => {
    const text = '## 2. Risks\n1. Move $5,000.00 into a 401(k) in Q3\n- 3rd step: S3 and 10th-90th';
    expect(extractFigures(text).map((figure) => figure.text)).toEqual(['$5,000.00']);
  });
});

describe('unmatchedFigures', () => {
  it('accepts every figure of the facts, as given or rounded to fewer digits', () => {
    expect(unmatched('Worth $1,234,567.89, about $1.23M or $1.2M; equity 72.0% or 72%.')).toEqual([]);
    expect(unmatched('Holdings of $1M and cash of $234.6k; 54% success; 2 points over target.')).toEqual([]);
  });

  it('rejects invented figures, more precision than the facts give, and misrounding', () => {
    expect(unmatched('Worth $7,654,321 and succeeds in 99.9% of markets.')).toEqual(['$7,654,321', '99.9%']);
    expect(unmatched('Equity is 71.9% (the chart) and success 53.62%; value $1.24M.')).toEqual([
      '71.9%',
      '53.62%',
      '$1.24M',
    ]);
  });

  it('keeps kinds apart: a percentage is not a dollar amount, though a plain number may be either', () => {
    expect(unmatched('Success of $53.6, cash of 234,567.89%.')).toEqual(['$53.6', '234,567.89%']);
    expect(unmatched('Equity at 70 against 72, 95 years, three accounts')).toEqual([]);
  });

  it('counts numbers inside quoted names as plain numbers only', () => {
    expect(unmatched('The S&P 500 fund.')).toEqual([]);
    expect(unmatched('Your portfolio is worth $9,999,999.')).toEqual(['$9,999,999']);
  });

  it('reads year ranges as both years, and allows zero, 100% and small counts', () => {
    expect(unmatched('As in 1973–1974, 2000-02 and 1931: 0% fees, 100% equity, 4 steps.')).toEqual([]);
    expect(unmatched('As in 2008, 11 steps, $5.')).toEqual(['2008', '11', '$5']);
  });

  it('skips the numbers of an ignored text, such as the question quoted back', () => {
    const question = 'Can I spend $80,000 a year?';
    expect(unmatchedFigures(`You asked: ${question} See below.`, allowed, [question])).toEqual([]);
  });
});

describe('dataFigures', () => {
  it('supports a fraction as a percentage and a number in a string as a plain number', () => {
    const data = dataFigures({ success_rate: 0.0431, median: 707_405.43, name: 'Fund 500' });
    expect(unmatchedFigures('4.3% and $707,405.43, $707.4k, fund 500', data)).toEqual([]);
    expect(unmatchedFigures('4.4% or $500', data).map((figure) => figure.text)).toEqual(['4.4%', '$500']);
  });
});

describe('checkText', () => {
  const rules = { allowed, sections: ['Executive Summary', 'Diversification and Risk'], minLength: 80 };

  it('passes a text with its sections, length and only figures of the facts', () => {
    const text = `# Report\n\n## 1. Executive Summary\nWorth $1.23M.\n\n## Diversification & Risk\n${'Steady. '.repeat(8)}`;
    expect(checkText(text, rules)).toEqual({ ok: true, figures: [], missingSections: [], shape: [] });
  });

  it('says what is wrong with a bare heading', () => {
    const check = checkText('# Report', rules);
    expect(check.ok).toBe(false);
    expect(describeTextCheck(check)).toBe(
      'sections missing: Executive Summary, Diversification and Risk; too short: 8 characters (at least 80)',
    );
  });

  it('names each invented figure with the words around it', () => {
    const text = `## Executive Summary\nYour portfolio is worth $7,654,321 today.\n## Diversification and Risk\n${'x'.repeat(80)}`;
    expect(describeTextCheck(checkText(text, rules))).toBe(
      'figures not in the facts: $7,654,321 (“Your portfolio is worth $7,654,321 today.”); no level-1 heading',
    );
  });
});
