import type { MetricDimensions, Metrics, MetricUnit } from '@alex/runtime';
import { type Metrics as PowertoolsMetrics, MetricUnit as Units } from '@aws-lambda-powertools/metrics';

const UNITS: Record<MetricUnit, (typeof Units)[keyof typeof Units]> = {
  Count: Units.Count,
  Milliseconds: Units.Milliseconds,
  None: Units.NoUnit,
};

/** The metrics port over Powertools, plus the flush a Lambda runs before it returns. */
export interface PublishingMetrics extends Metrics {
  /** Writes the buffered metrics as one EMF line (nothing when there are none). */
  publish(): void;
}

/**
 * The {@link Metrics} port over a Powertools metrics instance (CloudWatch EMF on stdout). A metric without
 * extra dimensions is buffered under the service dimension alone (what the alarms read) and published by
 * `publish()`; one with dimensions is written at once as its own EMF line, so dimension sets never mix.
 */
export function powertoolsMetrics(base: PowertoolsMetrics): PublishingMetrics {
  return {
    add(name: string, unit: MetricUnit, value: number, dimensions?: MetricDimensions) {
      if (!dimensions || Object.keys(dimensions).length === 0) {
        base.addMetric(name, UNITS[unit], value);
        return;
      }
      const single = base.singleMetric();
      single.addDimensions({ ...dimensions });
      single.addMetric(name, UNITS[unit], value);
    },
    publish() {
      if (base.hasStoredMetrics()) base.publishStoredMetrics();
    },
  };
}
