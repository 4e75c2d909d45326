import { isClassified, type Portfolio, type TaggerInstrument } from '@alex/contracts';
import type { AgentInvoker, Clock } from '@alex/runtime';
import { type AgentRun, invokeAndRecord } from './specialist-runs';

/** Most instruments one tagger event may carry (`TaggerEvent` refuses more; a test keeps the two equal). */
export const TAGGER_BATCH = 100;

/** Held instruments missing an allocation map, each symbol once. */
function instrumentsToTag(portfolio: Portfolio): TaggerInstrument[] {
  const bySymbol = new Map<string, TaggerInstrument>();
  for (const position of portfolio.accounts.flatMap((account) => account.positions)) {
    if (!isClassified(position.instrument) && !bySymbol.has(position.symbol)) {
      bySymbol.set(position.symbol, { symbol: position.symbol, name: position.instrument.name });
    }
  }
  return [...bySymbol.values()];
}

/** The tagger's part of a job: one record for the summary, and the symbols of any batch that failed. */
export interface TaggingRun {
  run: AgentRun;
  failed: { symbols: string[]; error: string }[];
}

function combine(runs: AgentRun[]): AgentRun {
  const failed = runs.filter((r) => r.record.status === 'failed');
  const usage = runs.reduce(
    (total, r) => ({
      requests: total.requests + (r.usage?.requests ?? 0),
      input_tokens: total.input_tokens + (r.usage?.input_tokens ?? 0),
      output_tokens: total.output_tokens + (r.usage?.output_tokens ?? 0),
    }),
    { requests: 0, input_tokens: 0, output_tokens: 0 },
  );
  const text = (values: (string | null)[]) => values.filter(Boolean).join('; ') || null;
  return {
    record: {
      status: failed.length === runs.length ? 'failed' : 'succeeded',
      duration_ms: runs.reduce((sum, r) => sum + r.record.duration_ms, 0),
      model: runs.find((r) => r.record.model)?.record.model ?? null,
      error: text(failed.map((r) => r.record.error)),
      detail: text(runs.map((r) => r.record.detail)),
    },
    usage,
    usageModel: runs.find((r) => r.usageModel)?.usageModel ?? null,
  };
}

/**
 * Asks the tagger to classify what is missing, in batches the tagger's event accepts, one after another;
 * null when nothing is missing.
 */
export async function tagMissingInstruments(
  portfolio: Portfolio,
  invoker: AgentInvoker,
  clock: Clock,
  jobId?: string,
): Promise<TaggingRun | null> {
  const instruments = instrumentsToTag(portfolio);
  if (instruments.length === 0) return null;
  const runs: AgentRun[] = [];
  const failed: TaggingRun['failed'] = [];
  for (let start = 0; start < instruments.length; start += TAGGER_BATCH) {
    const batch = instruments.slice(start, start + TAGGER_BATCH);
    const event = { instruments: batch, ...(jobId ? { job_id: jobId } : {}) };
    const run = await invokeAndRecord(invoker, clock, 'tagger', event);
    runs.push(run);
    if (run.record.status === 'failed')
      failed.push({ symbols: batch.map((i) => i.symbol), error: run.record.error ?? 'failed' });
  }
  return { run: combine(runs), failed };
}
