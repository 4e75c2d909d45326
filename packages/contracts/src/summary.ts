import { z } from 'zod';
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
});
export type ModelUsage = z.infer<typeof ModelUsage>;

/** Where the plan came from: the model alone, the rules filling in for the model, or offline rules. */
export const PlanSource = z.enum(['model', 'fallback', 'offline']);
export type PlanSource = z.infer<typeof PlanSource>;

/** `jobs.summary_payload`: what the planner did and how each agent fared. */
export const SummaryPayload = z.object({
  outcome: z.enum(['complete', 'partial', 'failed']),
  agents: z.record(z.string(), AgentRunRecord),
  plan: z.object({
    source: PlanSource,
    model_calls: z.array(z.string()),
    required: z.array(z.string()),
    executed: z.array(z.string()),
    note: z.string().nullable(),
  }),
  usage: z.array(ModelUsage),
  prices: z.object({ source: z.string(), stale: z.boolean(), missing: z.array(z.string()) }),
  started_at: z.iso.datetime({ offset: true }),
  finished_at: z.iso.datetime({ offset: true }),
  duration_ms: z.number().min(0),
});
export type SummaryPayload = z.infer<typeof SummaryPayload>;
