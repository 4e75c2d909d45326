import { describe, expect, it } from 'vitest';
import {
  decimalDigits,
  largestStored,
  MONEY,
  QUANTITY,
  smallestStep,
  storedDecimal,
  storedText,
} from '../src';

describe('decimalDigits', () => {
  it('counts the digits of the text a number is sent as, exponent notation included', () => {
    expect(
      [0, 0.5, 123.456, 1e-9, 1.5e-7, 1e21, 999_999_999_999.9999].map((value) => decimalDigits(value)),
    ).toEqual([
      { integer: 0, fraction: 0 },
      { integer: 0, fraction: 1 },
      { integer: 3, fraction: 3 },
      { integer: 0, fraction: 9 },
      { integer: 0, fraction: 8 },
      { integer: 22, fraction: 0 },
      { integer: 12, fraction: 4 },
    ]);
  });
});

describe('column shapes', () => {
  it('names the largest value and the smallest step of a column', () => {
    expect([largestStored(QUANTITY), smallestStep(QUANTITY)]).toEqual([
      '999999999999.99999999',
      '0.00000001',
    ]);
    expect([largestStored(MONEY), smallestStep(MONEY)]).toEqual(['9999999999.99', '0.01']);
    expect(largestStored({ precision: 4, scale: 0 })).toBe('9999');
  });
});

describe('storedDecimal', () => {
  const money = storedDecimal(MONEY, { min: 0 });

  it('accepts 0 when the minimum is inclusive and refuses non-finite numbers', () => {
    expect(money.parse(0)).toBe(0);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -0.01]) {
      expect(money.safeParse(value).success).toBe(false);
    }
  });
});

describe('storedText', () => {
  it('trims before counting and keeps an empty value when no minimum is set', () => {
    expect(storedText(3).parse('  abc  ')).toBe('abc');
    expect(storedText(3).parse('')).toBe('');
    expect(storedText(3, { minChars: 1 }).safeParse('   ').success).toBe(false);
  });
});
