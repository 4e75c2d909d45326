import { z } from 'zod';

/** Which model wrote a payload: a model id, or "offline" for deterministic template output. */
export const ModelId = z.string().min(1).max(200);

const GeneratedAt = z.iso.datetime({ offset: true });

/** `jobs.report_payload`: the reporter's markdown analysis. */
export const ReportPayload = z.object({
  content: z.string().min(1),
  generated_at: GeneratedAt,
  agent: z.literal('reporter'),
  model: ModelId,
  /** The current mix's risk and cost figures from history, as the report quotes them (absent before). */
  risk: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type ReportPayload = z.infer<typeof ReportPayload>;

/** Chart types the frontend draws. */
export const ChartType = z.enum(['pie', 'donut', 'bar', 'horizontalBar', 'line']);
export type ChartType = z.infer<typeof ChartType>;

/** One slice or bar, in dollars. */
export const ChartDatum = z.object({
  name: z.string().min(1).max(100),
  value: z.number().finite(),
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
});
export type ChartDatum = z.infer<typeof ChartDatum>;

/** One chart as the frontend reads it. */
export const Chart = z.object({
  title: z.string().min(1).max(120),
  type: ChartType,
  description: z.string().max(500),
  data: z.array(ChartDatum).min(1).max(50),
  /** Which model chose and described the chart ("offline": the computed defaults); the data is always computed. */
  model: ModelId.optional(),
  /** Display position: jsonb does not keep key order, so readers sort by this. */
  order: z.number().int().min(0).optional(),
});
export type Chart = z.infer<typeof Chart>;

/** `jobs.charts_payload`: chart key (snake_case) -> chart. */
export const ChartsPayload = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), Chart);
export type ChartsPayload = z.infer<typeof ChartsPayload>;

/** One year of the real-terms wealth distribution. */
export const WealthBand = z.object({
  year: z.number().int().min(0),
  age: z.number().int(),
  p10: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
});
export type WealthBand = z.infer<typeof WealthBand>;

/** The age retirement projections run to when the person's age is known. */
export const PROJECTION_END_AGE = 95;

/** What a projection's "age" values count: ages, or years from now when the person's age is not known. */
export const RetirementHorizon = z.object({
  basis: z.enum(['age', 'years_from_now']),
  start: z.number().int().min(0),
  retirement: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The default used in place of a missing age, in words; null when nothing was assumed. */
  assumption: z.string().nullable(),
});
export type RetirementHorizon = z.infer<typeof RetirementHorizon>;

const Probability = z.number().min(0).max(1);
const Dollars = z.number().min(0);

/** 10th, 50th and 90th percentiles of an amount in today's dollars. */
const SpendingPercentiles = z.object({ p10: Dollars, p50: Dollars, p90: Dollars });

/** What a spending strategy delivered: every retirement year's spending, and each path's leanest year. */
export const SpendingDelivered = z.object({ annual: SpendingPercentiles, lowest_year: SpendingPercentiles });
export type SpendingDelivered = z.infer<typeof SpendingDelivered>;

/** Where simulated markets came from (engine v2); absent in payloads written before it, which were parametric. */
export const SimulationMethodName = z.enum(['parametric', 'historical', 'bootstrap']);

/** One spending strategy's result on the same markets and plan. */
export const StrategyResult = z.object({
  strategy: z
    .object({ kind: z.enum(['constant_real', 'percent_of_portfolio', 'guardrails', 'vpw']) })
    .loose(),
  success_rate: Probability,
  target_met_rate: Probability,
  spending: SpendingDelivered,
});
export type StrategyResult = z.infer<typeof StrategyResult>;

/** A solved figure at a confidence; null `value` with a `note` when nothing in range gets there. */
export const SolvedFigure = z.object({
  target: z.enum(['income', 'contribution', 'retirement_age']),
  confidence: Probability,
  value: z.number().nullable(),
  achieved: Probability.nullable(),
  note: z.string().nullable(),
});
export type SolvedFigure = z.infer<typeof SolvedFigure>;

/** The plan's success under one method, with its fees or without. */
export const SensitivityResult = z.object({
  method: SimulationMethodName,
  fees: z.boolean(),
  paths: z.number().int().positive(),
  success_rate: Probability,
});
export type SensitivityResult = z.infer<typeof SensitivityResult>;

/**
 * The simulation results stored with the retirement analysis. Fields added by engine v2 are optional so
 * payloads written before it still read.
 */
export const RetirementSimulationSummary = z.object({
  method: SimulationMethodName.optional(),
  paths: z.number().int().positive(),
  seed: z.number().int(),
  /** Capital-market assumptions (parametric); null for the historical methods. */
  assumptions: z.record(z.string(), z.unknown()).nullable(),
  /** Historical years and asset-class mapping (historical, bootstrap). */
  history: z.record(z.string(), z.unknown()).nullable().optional(),
  /** The plan simulated: allocation, ages, contributions, income, other income, fees, strategy. */
  plan: z.record(z.string(), z.unknown()).optional(),
  success_rate: Probability,
  /** Simulation noise only; null for the historical method, whose windows overlap. */
  success_rate_ci95: z.tuple([Probability, Probability]).nullable(),
  target_met_rate: Probability.optional(),
  spending: SpendingDelivered.optional(),
  bands: z.array(WealthBand),
  depletion_by_age: z.array(z.object({ age: z.number().int(), probability: Probability })),
  median_at_retirement: z.number(),
  /** Absent in payloads written before horizons were recorded (those always counted ages to 95). */
  horizon: RetirementHorizon.optional(),
  method_reason: z.string().optional(),
  strategies: z.array(StrategyResult).optional(),
  solves: z.array(SolvedFigure).optional(),
  sensitivity: z.array(SensitivityResult).optional(),
  /** Lowest and highest success rate across `sensitivity`. */
  success_range: z.tuple([Probability, Probability]).optional(),
});
export type RetirementSimulationSummary = z.infer<typeof RetirementSimulationSummary>;

/** One what-if run beside the baseline on the same markets: what changed and what it gives. */
export const RetirementScenarioResult = z.object({
  parameters: z.object({
    retirement_age: z.number().int().optional(),
    target_income: z.number().optional(),
    annual_contribution: z.number().optional(),
  }),
  success_rate: Probability,
  target_met_rate: Probability,
  median_at_retirement: z.number(),
  spending: SpendingDelivered,
});
export type RetirementScenarioResult = z.infer<typeof RetirementScenarioResult>;

/** `jobs.retirement_payload`: the retirement analysis and the numbers behind it. */
export const RetirementPayload = z.object({
  analysis: z.string().min(1),
  generated_at: GeneratedAt,
  agent: z.literal('retirement'),
  model: ModelId,
  simulation: RetirementSimulationSummary,
  /** The what-ifs the plan asked for (absent when none). */
  scenarios: z.array(RetirementScenarioResult).optional(),
});
export type RetirementPayload = z.infer<typeof RetirementPayload>;
