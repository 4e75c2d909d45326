import { describe, expect, it } from 'vitest';
import { InstrumentsFile } from '../src';
import { messages } from './support/import-files';

describe('InstrumentsFile', () => {
  const instrument = (symbol: string, extra: Record<string, unknown> = {}) => ({
    symbol,
    name: `${symbol} fund`,
    ...extra,
  });

  it('parses instruments, upper-casing symbols, at the largest price a numeric(12, 4) stores', () => {
    const file = InstrumentsFile.parse({
      instruments: [
        instrument('vti', { current_price: 99_999_999.9999, instrument_type: 'etf' }),
        instrument('BND'),
      ],
    });
    expect(file.instruments.map((i) => [i.symbol, i.current_price])).toEqual([
      ['VTI', 99_999_999.9999],
      ['BND', undefined],
    ]);
  });

  it('refuses two definitions of one symbol, naming both indexes', () => {
    const result = InstrumentsFile.safeParse({
      instruments: [instrument('spy'), instrument('QQQ'), instrument('SPY')],
    });
    expect(result.success).toBe(false);
    expect(result.error && messages(result.error)).toEqual([
      'instruments.2.symbol: duplicate symbol SPY in one file, also at instruments.0',
    ]);
  });

  it('refuses prices beyond the column, with five decimals, or zero', () => {
    const result = InstrumentsFile.safeParse({
      instruments: [
        instrument('A', { current_price: 100_000_000 }),
        instrument('B', { current_price: 1.00001 }),
        instrument('C', { current_price: 0 }),
        instrument('D', { name: 'x'.repeat(256) }),
      ],
    });
    expect(result.error && messages(result.error)).toEqual([
      'instruments.0.current_price: must be at most 99999999.9999 (the largest a numeric(12, 4) column holds)',
      'instruments.1.current_price: must have at most 4 decimal places (a numeric(12, 4) column), got 1.00001',
      'instruments.2.current_price: must be greater than 0',
      'instruments.3.name: must have at most 255 characters, got 256',
    ]);
  });
});
