import type { SummaryPayload } from '@alex/contracts';
import type { Metrics } from '@alex/runtime';

const OUTCOME_METRIC = { complete: 'JobsComplete', partial: 'JobsPartial', failed: 'JobsFailed' } as const;

/** Why an agent's output was written without its model, from its record; null when the model wrote it. */
function fallbackReason(
  record: SummaryPayload['agents'][string],
  configured: string | undefined,
): string | null {
  if (record.status !== 'succeeded' || record.model !== 'offline' || configured === 'offline') return null;
  return record.detail?.startsWith('model text rejected') ? 'text_rejected' : 'model_failed';
}

/**
 * Counts one finished job from its summary: the job by outcome (what the failed-job ratio alarm reads), a
 * redelivered job's retries, each agent's duration, failure and fallback (with the reason), the tokens and
 * dollars per model, the job's cost and duration, and its data gaps by kind.
 */
export function recordJobMetrics(metrics: Metrics, summary: SummaryPayload, attempts = 1): void {
  metrics.add(OUTCOME_METRIC[summary.outcome], 'Count', 1);
  metrics.add('JobDurationMs', 'Milliseconds', summary.duration_ms);
  if (attempts > 1) metrics.add('JobRetries', 'Count', attempts - 1);
  for (const [agent, record] of Object.entries(summary.agents)) {
    if (record.status === 'skipped') continue;
    metrics.add('AgentDurationMs', 'Milliseconds', record.duration_ms, { agent });
    if (record.status === 'failed') metrics.add('SpecialistFailures', 'Count', 1, { agent });
    const reason = fallbackReason(record, summary.llm?.model);
    if (reason) metrics.add('Fallbacks', 'Count', 1, { agent, reason });
  }
  if (summary.plan.source === 'fallback')
    metrics.add('Fallbacks', 'Count', 1, { agent: 'planner', reason: 'plan_refused' });
  for (const line of summary.usage) {
    metrics.add('ModelInputTokens', 'Count', line.input_tokens, { model: line.model });
    metrics.add('ModelOutputTokens', 'Count', line.output_tokens, { model: line.model });
    if (line.cost_usd !== null && line.cost_usd !== undefined)
      metrics.add('ModelCostUsd', 'None', line.cost_usd, { model: line.model });
  }
  if (summary.cost && summary.cost.total_usd !== null)
    metrics.add('JobCostUsd', 'None', summary.cost.total_usd);
  const gapsByKind = new Map<string, number>();
  for (const gap of summary.gaps) gapsByKind.set(gap.kind, (gapsByKind.get(gap.kind) ?? 0) + 1);
  for (const [kind, count] of gapsByKind) metrics.add('DataGaps', 'Count', count, { kind });
}
