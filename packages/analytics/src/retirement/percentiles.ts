/**
 * Percentiles of `values` by linear interpolation between closest ranks (Hyndman–Fan type 7, the numpy and
 * spreadsheet default), for ascending `probabilities` in [0, 1]. Reorders `values` in place: it selects the
 * needed order statistics (Hoare/Wirth selection, O(n) on average) instead of sorting, so pass a scratch copy.
 * `leadingZeros` counts zeros left out of `values` (all of `values` must then be >= 0): the percentiles are
 * those of the zeros and `values` together, and the many zeros of depleted paths cost nothing to select.
 */
export function percentilesInPlace(
  values: Float64Array,
  probabilities: readonly number[],
  leadingZeros = 0,
): number[] {
  const n = values.length + leadingZeros;
  if (n === 0) throw new RangeError('cannot take percentiles of no values');
  let selectedUpTo = 0;
  let previous = 0;
  const orderStatistic = (rank: number): number => {
    if (rank < leadingZeros) return 0;
    const local = rank - leadingZeros;
    // Every value right of an already-selected rank is >= it, so later ranks need only that part.
    if (local >= selectedUpTo) {
      selectInPlace(values, local, selectedUpTo, values.length - 1);
      selectedUpTo = local + 1;
    }
    return values[local] as number;
  };
  return probabilities.map((p) => {
    if (!(p >= previous && p <= 1)) throw new RangeError(`probabilities must ascend within [0, 1], got ${p}`);
    previous = p;
    const rank = (n - 1) * p;
    const below = Math.floor(rank);
    const low = orderStatistic(below);
    return below === n - 1 || rank === below ? low : low + (rank - below) * (orderStatistic(below + 1) - low);
  });
}

/** Moves the k-th smallest of values[left..right] to index k, smaller-or-equal values before it, larger after. */
function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (lo < hi) {
    const pivot = values[k] as number;
    let i = lo;
    let j = hi;
    do {
      while ((values[i] as number) < pivot) i++;
      while (pivot < (values[j] as number)) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}
