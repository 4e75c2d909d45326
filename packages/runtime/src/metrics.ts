/** Units the metrics use (CloudWatch's names). */
export type MetricUnit = 'Count' | 'Milliseconds' | 'None';

/** Dimensions of one metric beyond the service: few, low-cardinality values (an agent, an outcome, a model). */
export type MetricDimensions = Readonly<Record<string, string>>;

/**
 * The metrics port: cores count what happened (jobs by outcome, fallbacks, durations, tokens, dollars); in
 * Lambda an adapter publishes CloudWatch EMF lines, locally they are dropped or recorded by a test.
 */
export interface Metrics {
  add(name: string, unit: MetricUnit, value: number, dimensions?: MetricDimensions): void;
}

/** Metrics that go nowhere: the default where nobody reads them (local runs). */
export const NO_METRICS: Metrics = { add() {} };
