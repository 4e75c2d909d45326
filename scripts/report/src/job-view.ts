import { ChartsPayload, ReportPayload, RetirementPayload, SummaryPayload } from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import type { z } from 'zod';

/** One analysis job as the HTML page reads it: the `jobs` row in the CLI's snake_case JSON shape. */
export interface JobView {
  id: string;
  clerk_user_id: string;
  status: string;
  error_message: string | null;
  // Nullable because the CLI's `jobJson` types every timestamp as `string | null`; a row always has one.
  created_at: string | null;
  completed_at: string | null;
  report_payload: unknown;
  charts_payload: unknown;
  retirement_payload: unknown;
  summary_payload: unknown;
}

/** A payload that parsed, or why it is not shown. */
export type ParsedPayload<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The job's four payloads, each validated against its contract. */
export interface JobPayloads {
  report: ParsedPayload<ReportPayload>;
  charts: ParsedPayload<ChartsPayload>;
  retirement: ParsedPayload<RetirementPayload>;
  summary: ParsedPayload<SummaryPayload>;
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `${formatIssues(issues, { limit: 3 })}${more}`;
}

/** Validates one stored payload with its schema, turning a missing or malformed value into a reason. */
function parsePayload<T>(schema: z.ZodType<T>, value: unknown, column: string): ParsedPayload<T> {
  if (value === null || value === undefined)
    return { ok: false, reason: `no ${column} was stored for this job` };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    reason: `the stored ${column} is not in the expected shape (${describeIssues(parsed.error.issues)})`,
  };
}

/** Parses all four payload columns of a job; never throws. */
export function parseJobPayloads(job: JobView): JobPayloads {
  return {
    report: parsePayload(ReportPayload, job.report_payload, 'report_payload'),
    charts: parsePayload(ChartsPayload, job.charts_payload, 'charts_payload'),
    retirement: parsePayload(RetirementPayload, job.retirement_payload, 'retirement_payload'),
    summary: parsePayload(SummaryPayload, job.summary_payload, 'summary_payload'),
  };
}
