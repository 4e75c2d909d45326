import { z } from 'zod';

/** Lifecycle of an analysis job: pending -> running -> completed | failed. */
export const JobStatus = z.enum(['pending', 'running', 'completed', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

/** Statuses a job can finish in. */
export const TerminalJobStatus = z.enum(['completed', 'failed']);
export type TerminalJobStatus = z.infer<typeof TerminalJobStatus>;

/** Kinds of job the system accepts (reference §2.4). */
export const JobType = z.enum([
  'portfolio_analysis',
  'rebalance_recommendation',
  'retirement_projection',
  'risk_assessment',
  'tax_optimization',
  'instrument_research',
]);
export type JobType = z.infer<typeof JobType>;

/** The jobs columns each agent writes its result into. */
export const JobPayloadColumn = z.enum([
  'report_payload',
  'charts_payload',
  'retirement_payload',
  'summary_payload',
]);
export type JobPayloadColumn = z.infer<typeof JobPayloadColumn>;

/** A JSON object as stored in a jsonb column. */
export const JsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObject>;

/** One analysis job (the `jobs` row). */
export const Job = z.object({
  id: z.uuid(),
  clerkUserId: z.string(),
  jobType: JobType,
  status: JobStatus,
  requestPayload: JsonObject.nullable(),
  reportPayload: JsonObject.nullable(),
  chartsPayload: JsonObject.nullable(),
  retirementPayload: JsonObject.nullable(),
  summaryPayload: JsonObject.nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number().int().min(0),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  claimedAt: z.date().nullable(),
  /** Until when the current claim holds (renewed by its owner's heartbeat); null when nobody holds it. */
  leaseExpiresAt: z.date().nullable(),
  /** The claim's owner (`lambda:<request id>`, `local:<host>:<pid>`); null when nobody holds it. */
  claimedBy: z.string().nullable(),
  completedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type Job = z.infer<typeof Job>;
