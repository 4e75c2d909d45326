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

/** The Monte Carlo results stored with the retirement analysis. */
export const RetirementSimulationSummary = z.object({
  paths: z.number().int().positive(),
  seed: z.number().int(),
  assumptions: z.record(z.string(), z.unknown()),
  success_rate: z.number().min(0).max(1),
  success_rate_ci95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
  bands: z.array(WealthBand),
  depletion_by_age: z.array(z.object({ age: z.number().int(), probability: z.number().min(0).max(1) })),
  median_at_retirement: z.number(),
  /** Absent in payloads written before horizons were recorded (those always counted ages to 95). */
  horizon: RetirementHorizon.optional(),
});
export type RetirementSimulationSummary = z.infer<typeof RetirementSimulationSummary>;

/** `jobs.retirement_payload`: the retirement analysis and the numbers behind it. */
export const RetirementPayload = z.object({
  analysis: z.string().min(1),
  generated_at: GeneratedAt,
  agent: z.literal('retirement'),
  model: ModelId,
  simulation: RetirementSimulationSummary,
});
export type RetirementPayload = z.infer<typeof RetirementPayload>;
