import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/retirement/assumptions';
import { cholesky } from '../../src/retirement/cholesky';

const multiplyByTranspose = (lower: number[][]) =>
  lower.map((row) => lower.map((_, j) => row.reduce((sum, v, k) => sum + v * (lower[j]?.[k] ?? 0), 0)));

describe('cholesky', () => {
  it('factors a known matrix exactly', () => {
    const result = cholesky([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        [2, 0, 0],
        [6, 1, 0],
        [-8, 5, 3],
      ],
    });
  });

  it('reproduces the default correlation matrix as L·Lᵀ', () => {
    const { matrix } = DEFAULT_ASSUMPTIONS.correlation;
    const result = cholesky(matrix);
    if (!result.ok) throw new Error(result.error);
    multiplyByTranspose(result.value).forEach((row, i) => {
      row.forEach((value, j) => {
        expect(value).toBeCloseTo(matrix[i]?.[j] as number, 12);
      });
    });
  });

  it('names the failing factor when the matrix is not positive definite', () => {
    const result = cholesky(
      [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
      ['a', 'b', 'c'],
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not positive definite \(pivot c = /);
  });

  it('rejects perfectly correlated factors, asymmetric and non-square matrices', () => {
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]).ok,
    ).toBe(false);
    expect(
      cholesky([
        [1, 0.2],
        [0.3, 1],
      ]),
    ).toEqual({ ok: false, error: 'matrix is not symmetric: row 1/row 0 differs from row 0/row 1' });
    expect(cholesky([[1, 0], [0]]).ok).toBe(false);
  });
});
