import { describe, expect, it } from 'vitest';
import { DataApiError } from '../src/errors';
import { compactJson, javaDecimalString, parseArrayLiteral, timestamptzToUtc } from '../src/pg-text';

describe('parseArrayLiteral', () => {
  it('reads quoted, unquoted, empty and NULL elements', () => {
    expect(parseArrayLiteral('{a,"b c","",NULL,"NULL","q\\"x\\\\y"}')).toEqual([
      'a',
      'b c',
      '',
      null,
      'NULL',
      'q"x\\y',
    ]);
    expect(parseArrayLiteral('{}')).toEqual([]);
    expect(parseArrayLiteral('[0:1]={7,8}')).toEqual(['7', '8']);
  });

  it('refuses multidimensional arrays', () => {
    expect(() => parseArrayLiteral('{{1,2},{3,4}}')).toThrow(DataApiError);
  });
});

describe('timestamptzToUtc', () => {
  it('converts any offset to a UTC wall-clock string and keeps the fraction', () => {
    expect(timestamptzToUtc('2024-01-02 03:04:05+00')).toBe('2024-01-02 03:04:05');
    expect(timestamptzToUtc('2024-03-10 12:00:00.5+05:30')).toBe('2024-03-10 06:30:00.5');
    expect(timestamptzToUtc('2023-12-31 22:00:00.123456-05')).toBe('2024-01-01 03:00:00.123456');
    expect(timestamptzToUtc('1900-01-01 00:00:00+00:09:21')).toBe('1899-12-31 23:50:39');
  });
});

describe('compactJson', () => {
  it('drops whitespace between tokens only', () => {
    expect(compactJson('{"a b": [1, 2.50e3, "c\\\\" ], "d":\n\t{ } }')).toBe(
      '{"a b":[1,2.50e3,"c\\\\"],"d":{}}',
    );
    expect(compactJson('" \\" x "')).toBe('" \\" x "');
  });
});

describe('javaDecimalString', () => {
  it('follows BigDecimal.toString: plain down to an adjusted exponent of -6, exponent notation below', () => {
    const cases: Array<[string, string]> = [
      ['0', '0'],
      ['100', '100'],
      ['-12.340', '-12.340'],
      ['0.000001', '0.000001'],
      ['0.0000010', '0.0000010'],
      ['0.0000001', '1E-7'],
      ['0.00000100', '0.00000100'],
      ['0.000000123', '1.23E-7'],
      ['0.00000000', '0E-8'],
      ['-0.00000005', '-5E-8'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
    ];
    expect(cases.map(([text]) => javaDecimalString(text))).toEqual(cases.map(([, java]) => java));
  });
});
