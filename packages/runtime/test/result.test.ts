import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../src';

/** A caller that branches on a result, as cores do. */
function describeOutcome(result: Result<number>): string {
  return result.ok ? `value ${result.value}` : `error ${result.error}`;
}

describe('ok and err', () => {
  it('wraps a value as a successful result the caller can branch on', () => {
    const result = ok(42);

    expect(result).toEqual({ ok: true, value: 42 });
    expect(describeOutcome(result)).toBe('value 42');
  });

  it('wraps an error as a failed result the caller can branch on', () => {
    const result = err('no positions');

    expect(result).toEqual({ ok: false, error: 'no positions' });
    expect(describeOutcome(result)).toBe('error no positions');
  });

  it('keeps the wrapped value itself rather than a copy', () => {
    const rows = [{ symbol: 'VTI' }];
    const failure = { code: 'NOT_FOUND' as const };

    expect(ok(rows).value).toBe(rows);
    expect(err(failure).error).toBe(failure);
  });
});
