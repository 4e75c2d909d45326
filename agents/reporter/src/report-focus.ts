import { type Job, type JobEvent, RetirementPayload } from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import type { Logger } from '@alex/runtime';

/** What the plan asks of this report: the person's question, the planner's note and the retirement figures. */
export interface ReportFocus {
  /** The person's own text: quoted as data wherever it appears, never followed. */
  question: string | null;
  /** The planner's note on what to emphasise: quoted guidance for the model. */
  emphasis: string | null;
  /** The job's retirement analysis when it ran before the reporter (the planner runs it first when both run). */
  retirement: RetirementPayload | null;
}

/** Reads the focus of a report from the event and the job row (its retirement payload, when one is stored). */
export function reportFocus(event: JobEvent, job: Job, logger: Logger): ReportFocus {
  const question = event.focus?.question ?? null;
  const emphasis = event.focus?.emphasis ?? null;
  if (job.retirementPayload === null) return { question, emphasis, retirement: null };
  const parsed = RetirementPayload.safeParse(job.retirementPayload);
  if (!parsed.success) {
    logger.warn('stored retirement payload does not read; answering without it', {
      error: formatIssues(parsed.error, { root: 'retirement_payload', limit: 3 }),
    });
    return { question, emphasis, retirement: null };
  }
  return { question, emphasis, retirement: parsed.data };
}
