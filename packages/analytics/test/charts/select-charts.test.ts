import { describe, expect, it } from 'vitest';
import { analysePortfolio } from '../../src/analysis';
import { computeCharts, plainText, selectCharts } from '../../src/charts';
import { testUser001 } from '../analysis/fixtures';

const computed = computeCharts(analysePortfolio(testUser001()));

describe('selectCharts', () => {
  it("keeps the model's order and wording but the computed type and data", () => {
    const result = selectCharts(computed, {
      charts: [
        {
          key: 'top_holdings',
          title: '**Your biggest positions**',
          type: 'pie',
          data: [{ name: 'SPY', value: 1 }],
        },
        { key: 'asset_allocation', description: 'Mostly <b>stocks</b>, see [the guide](https://x.test).' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value)).toEqual(['top_holdings', 'asset_allocation']);
    expect(result.value.top_holdings).toEqual({
      ...computed.top_holdings,
      title: 'Your biggest positions',
    });
    // The model's words lead; the computed note of what the chart covers stays after them.
    expect(result.value.asset_allocation).toEqual({
      ...computed.asset_allocation,
      description:
        'Mostly stocks, see the guide. Covers $99,437.50, the whole priced portfolio including cash.',
    });
    expect(computed.asset_allocation?.description).toContain('Covers $99,437.50');
  });

  it('falls back to the computed wording when the model text is empty once stripped', () => {
    const result = selectCharts(computed, { charts: [{ key: 'sector_breakdown', title: '<br/> ** ##' }] });
    expect(result).toEqual({ ok: true, value: { sector_breakdown: computed.sector_breakdown } });
  });

  it.each([
    [
      'not an object',
      'charts',
      'invalid chart choice: charts: Invalid input: expected array, received undefined',
    ],
    [
      'no charts',
      { charts: [] },
      'invalid chart choice: charts: Too small: expected array to have >=1 items',
    ],
    [
      'an unknown key',
      { charts: [{ key: 'tax_efficiency' }] },
      'invalid chart choice: no computed chart "tax_efficiency"',
    ],
    [
      'a repeated key',
      { charts: [{ key: 'top_holdings' }, { key: 'top_holdings', title: 'Again' }] },
      'invalid chart choice: "top_holdings" chosen twice',
    ],
    [
      'a key that is not snake_case',
      { charts: [{ key: 'Top Holdings' }] },
      'invalid chart choice: charts.0.key: Invalid string: must match pattern /^[a-z][a-z0-9_]{0,63}$/',
    ],
    [
      'an over-long title',
      { charts: [{ key: 'top_holdings', title: 'x'.repeat(121) }] },
      'invalid chart choice: charts.0.title: Too big: expected string to have <=120 characters',
    ],
    [
      'more than eight charts',
      { charts: Array.from({ length: 9 }, (_, i) => ({ key: `chart_${i}` })) },
      'invalid chart choice: charts: Too big: expected array to have <=8 items',
    ],
  ])('refuses %s', (_, choice, error) => {
    expect(selectCharts(computed, choice)).toEqual({ ok: false, error });
  });
});

describe('plainText', () => {
  it('drops markdown marks, HTML tags and line breaks', () => {
    expect(plainText('## Fixed_income\n\n- *mostly* `bonds` <script>x</script>')).toBe(
      'Fixed income mostly bonds x',
    );
    expect(plainText('1. ![chart](a.png) > quote | cell')).toBe('chart quote cell');
  });
});
