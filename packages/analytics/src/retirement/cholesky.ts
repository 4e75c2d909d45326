/** The lower-triangular factor L of a symmetric positive-definite matrix A = L·Lᵀ, or why there is none. */
export type CholeskyResult = { ok: true; value: number[][] } | { ok: false; error: string };

/** Largest asymmetry |A[i][j] - A[j][i]| tolerated before a matrix is rejected as not symmetric. */
const SYMMETRY_TOLERANCE = 1e-12;

/** A pivot at or below this fraction of its diagonal entry means the matrix is (numerically) singular. */
const PIVOT_TOLERANCE = 1e-12;

/**
 * Factors a symmetric positive-definite matrix (Cholesky–Banachiewicz), so that L·e turns independent
 * standard normals e into normals with covariance A.
 */
export function cholesky(matrix: readonly (readonly number[])[], labels?: readonly string[]): CholeskyResult {
  const n = matrix.length;
  const name = (i: number) => labels?.[i] ?? `row ${i}`;
  const at = (i: number, j: number): number => matrix[i]?.[j] ?? Number.NaN;
  for (let i = 0; i < n; i++) {
    if (matrix[i]?.length !== n) {
      return {
        ok: false,
        error: `matrix must be square: ${name(i)} has ${matrix[i]?.length} entries, not ${n}`,
      };
    }
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(at(i, j)))
        return { ok: false, error: `entry [${i}][${j}] is not a finite number` };
      if (j < i && Math.abs(at(i, j) - at(j, i)) > SYMMETRY_TOLERANCE) {
        return {
          ok: false,
          error: `matrix is not symmetric: ${name(i)}/${name(j)} differs from ${name(j)}/${name(i)}`,
        };
      }
    }
  }
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const row = lower[i] as number[];
    for (let j = 0; j <= i; j++) {
      const other = lower[j] as number[];
      let sum = at(i, j);
      for (let k = 0; k < j; k++) sum -= (row[k] as number) * (other[k] as number);
      if (i === j) {
        if (!(sum > PIVOT_TOLERANCE * Math.max(1, Math.abs(at(i, i))))) {
          return {
            ok: false,
            error:
              `matrix is not positive definite (pivot ${name(i)} = ${sum.toPrecision(6)}): ` +
              'some entries are perfectly correlated or the correlations contradict each other',
          };
        }
        row[i] = Math.sqrt(sum);
      } else {
        row[j] = sum / (other[j] as number);
      }
    }
  }
  return { ok: true, value: lower };
}
