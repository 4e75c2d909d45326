/** Summary of a sample of durations in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles of a sample (milliseconds, rounded to 0.01). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    n: sorted.length,
    p50: round(rank(50)),
    p95: round(rank(95)),
    min: round(sorted[0] ?? 0),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** One line of a benchmark report. */
export function formatSummary(label: string, summary: Summary): string {
  return `${label.padEnd(44)} p50 ${summary.p50.toFixed(2).padStart(9)} ms   p95 ${summary.p95
    .toFixed(2)
    .padStart(9)} ms   (n=${summary.n}, min ${summary.min.toFixed(2)}, max ${summary.max.toFixed(2)})`;
}
