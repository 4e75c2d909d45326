import type { MetricDimensions, Metrics, MetricUnit } from '@alex/runtime';

/** One metric as a core added it. */
export interface RecordedMetric {
  name: string;
  unit: MetricUnit;
  value: number;
  dimensions: MetricDimensions;
}

/** Metrics kept in memory, for tests to read what a core counted. */
export function recordingMetrics(): Metrics & {
  records: RecordedMetric[];
  /** The values of one metric, optionally only those with these dimensions. */
  values(name: string, dimensions?: MetricDimensions): number[];
} {
  const records: RecordedMetric[] = [];
  return {
    records,
    add(name, unit, value, dimensions = {}) {
      records.push({ name, unit, value, dimensions });
    },
    values(name, dimensions = {}) {
      return records
        .filter(
          (record) =>
            record.name === name &&
            Object.entries(dimensions).every(([key, value]) => record.dimensions[key] === value),
        )
        .map((record) => record.value);
    },
  };
}
