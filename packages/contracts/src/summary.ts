import { z } from 'zod';
import { PlanDeviation, PlanOrigin, PlanStep } from './analysis-plan';
import { ModelId } from './payloads';

/** How one agent's part of a job went. */
export const AgentRunStatus = z.enum(['succeeded', 'failed', 'skipped']);
export type AgentRunStatus = z.infer<typeof AgentRunStatus>;

/** One agent's record in the job summary. */
export const AgentRunRecord = z.object({
  status: AgentRunStatus,
  duration_ms: z.number().min(0),
  model: ModelId.nullable(),
  error: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AgentRunRecord = z.infer<typeof AgentRunRecord>;

/** Token usage across every model call of a job. */
export const ModelUsage = z.object({
  model: ModelId,
  requests: z.number().int().min(0),
  input_tokens: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
  /** Dollars at the price table's rate; null when the table has no price for the model; absent before costs. */
  cost_usd: z.number().min(0).nullable().optional(),
});
export type ModelUsage = z.infer<typeof ModelUsage>;

/**
 * What the job's model calls cost, in US dollars at the price table's on-demand rates: per agent (0 for one
 * that ran offline, null when its model has no price) and in all (null when any model has no price).
 */
export const JobCost = z.object({
  total_usd: z.number().min(0).nullable(),
  by_agent: z.record(z.string().max(40), z.number().min(0).nullable()),
  unpriced_models: z.array(ModelId),
});
export type JobCost = z.infer<typeof JobCost>;

/** Where the plan came from: the model alone, the rules filling in for the model, or offline rules. */
export const PlanSource = z.enum(['model', 'fallback', 'offline']);
export type PlanSource = z.infer<typeof PlanSource>;

/** What kind of hole an analysis has: data it had to leave out, or output written without the configured model. */
export const DataGapKind = z.enum([
  'unpriced',
  'value_out_of_range',
  'unclassified',
  'tagging_failed',
  'model_failed',
  'analysis_failed',
]);
export type DataGapKind = z.infer<typeof DataGapKind>;

/** One gap, as the person reads it: which symbols, why, and how many dollars were left out (null: unknown). */
export const DataGap = z.object({
  kind: DataGapKind,
  symbols: z.array(z.string().max(20)).max(10_000),
  detail: z.string().min(1).max(2000),
  value_left_out: z.number().min(0).nullable(),
});
export type DataGap = z.infer<typeof DataGap>;

/** The model the job was configured with, and where it was reached ("offline": none configured). */
export const ConfiguredModel = z.object({ model: ModelId, endpoint: z.string().max(500).nullable() });
export type ConfiguredModel = z.infer<typeof ConfiguredModel>;

/**
 * Where the job's prices came from and how current they are. The three dated fields are absent in summaries
 * written before prices had dates.
 */
export const SummaryPrices = z.object({
  source: z.string(),
  /** True when a held price is older than the last trading day, or its date is unknown (see `stale_symbols`). */
  stale: z.boolean(),
  /** Symbols the refresh could not price (their stored prices, if any, were kept). */
  missing: z.array(z.string()),
  /** The oldest date (`YYYY-MM-DD`) among the held prices that have one; null when none has. */
  as_of: z.iso.date().nullable().optional(),
  /** Held symbols whose price is older than `last_trading_day` or has no date. */
  stale_symbols: z.array(z.string().max(20)).max(10_000).optional(),
  /** The last US trading day whose session had closed when the prices were judged. */
  last_trading_day: z.iso.date().optional(),
});
export type SummaryPrices = z.infer<typeof SummaryPrices>;

/** `jobs.summary_payload`: what the planner did and how each agent fared. */
export const SummaryPayload = z.object({
  outcome: z.enum(['complete', 'partial', 'failed']),
  agents: z.record(z.string(), AgentRunRecord),
  plan: z.object({
    source: PlanSource,
    /** The specialists the model's plan named (empty when the rules planned). */
    model_calls: z.array(z.string()),
    required: z.array(z.string()),
    executed: z.array(z.string()),
    note: z.string().nullable(),
    /** The person's question, as stored (absent in summaries written before plans). */
    question: z.string().nullable().optional(),
    /** Whether the plan that ran is the model's (first try or after one retry) or the rules'. */
    origin: PlanOrigin.optional(),
    steps: z.array(PlanStep).optional(),
    /** Why the model's plans were refused, one line per problem. */
    rejected: z.array(z.string().max(500)).optional(),
    deviations: z.array(PlanDeviation).optional(),
    /** Time spent planning (model calls and validation). */
    planning_ms: z.number().min(0).optional(),
  }),
  usage: z.array(ModelUsage),
  /** Absent in summaries written before costs were computed. */
  cost: JobCost.optional(),
  prices: SummaryPrices,
  /** What the analysis left out; any gap makes the outcome `partial`. Absent in summaries written before gaps. */
  gaps: z.array(DataGap).default([]),
  /** Defaults used in place of missing data, said plainly (e.g. a retirement horizon without an age). */
  assumptions: z.array(z.string().max(500)).default([]),
  llm: ConfiguredModel.optional(),
  started_at: z.iso.datetime({ offset: true }),
  finished_at: z.iso.datetime({ offset: true }),
  duration_ms: z.number().min(0),
});
export type SummaryPayload = z.infer<typeof SummaryPayload>;
