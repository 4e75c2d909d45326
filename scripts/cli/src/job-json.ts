import type { Job } from '@alex/contracts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A job as the CLI prints it with --json: the database row, snake_case, timestamps in ISO 8601 UTC. */
export function jobJson(job: Job) {
  return {
    id: job.id,
    clerk_user_id: job.clerkUserId,
    job_type: job.jobType,
    status: job.status,
    request_payload: job.requestPayload,
    report_payload: job.reportPayload,
    charts_payload: job.chartsPayload,
    retirement_payload: job.retirementPayload,
    summary_payload: job.summaryPayload,
    error_message: job.errorMessage,
    attempts: job.attempts,
    created_at: iso(job.createdAt),
    started_at: iso(job.startedAt),
    claimed_at: iso(job.claimedAt),
    claimed_by: job.claimedBy,
    lease_expires_at: iso(job.leaseExpiresAt),
    completed_at: iso(job.completedAt),
    updated_at: iso(job.updatedAt),
  };
}

/** The JSON shape of a job as printed by the CLI. */
export type JobJson = ReturnType<typeof jobJson>;
