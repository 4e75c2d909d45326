import type {
  AgentRunRecord,
  AgentUsage,
  ConfiguredModel,
  DataGap,
  ModelUsage,
  PlanDeviation,
  PlanOrigin,
  PlanSource,
  PlanStep,
  SpecialistName,
  SummaryPayload,
} from '@alex/contracts';
import type { ModelPriceTable } from '@alex/llm';
import type { PriceFreshness } from '@alex/market-data';
import type { PriceRefresh } from '@alex/runtime';
import { type AgentSpend, jobCost, pricedUsage } from './job-cost';
import type { AgentRun } from './specialist-runs';

/** Everything the planner learned while running a job. */
export interface JobFacts {
  startedAt: Date;
  finishedAt: Date;
  tagger: AgentRun | null;
  specialists: Map<SpecialistName, AgentRun>;
  skipped: Map<SpecialistName, string>;
  plan: {
    source: PlanSource;
    modelCalls: string[];
    required: SpecialistName[];
    note: string | null;
    question: string | null;
    origin: PlanOrigin;
    steps: PlanStep[];
    rejected: string[];
    deviations: PlanDeviation[];
    planningMs: number;
  };
  planner: { model: string; usage: AgentUsage };
  prices: PriceRefresh;
  /** How current the held prices were once refreshed. */
  priceDates: PriceFreshness;
  gaps: DataGap[];
  assumptions: string[];
  llm: ConfiguredModel;
  /** The price table that turns tokens into dollars. */
  modelPrices: ModelPriceTable;
}

/**
 * Terminal status, outcome and user-safe error of a job whose specialists have finished: `partial` when a
 * specialist failed or the analysis has gaps (data left out, output written without the configured model).
 */
export function judgeOutcome(
  specialists: Map<SpecialistName, AgentRun>,
  gaps: readonly DataGap[] = [],
): {
  status: 'completed' | 'failed';
  outcome: SummaryPayload['outcome'];
  errorMessage: string | null;
} {
  const failed = [...specialists].filter(([, run]) => run.record.status === 'failed');
  const succeeded = specialists.size - failed.length;
  const failures = failed.map(([name, run]) => `${name}: ${run.record.error ?? 'failed'}`).join('; ');
  if (specialists.size === 0)
    return { status: 'failed', outcome: 'failed', errorMessage: 'nothing to analyse' };
  if (succeeded === 0)
    return { status: 'failed', outcome: 'failed', errorMessage: `every specialist failed (${failures})` };
  // A failed specialist is named once, from its own error, not again from its gap.
  const missing = gaps
    .filter((gap) => gap.kind !== 'analysis_failed')
    .map((gap) =>
      gap.symbols.length > 0 ? `${gap.kind.replaceAll('_', ' ')}: ${gap.symbols.join(', ')}` : gap.detail,
    );
  const parts = [...(failed.length > 0 ? [failures] : []), ...missing];
  if (parts.length > 0)
    return { status: 'completed', outcome: 'partial', errorMessage: `partial result: ${parts.join('; ')}` };
  return { status: 'completed', outcome: 'complete', errorMessage: null };
}

function addUsage(totals: Map<string, ModelUsage>, model: string | null, usage: AgentUsage | null): void {
  if (!model || model === 'offline' || !usage || usage.requests === 0) return;
  const current = totals.get(model) ?? { model, requests: 0, input_tokens: 0, output_tokens: 0 };
  totals.set(model, {
    model,
    requests: current.requests + usage.requests,
    input_tokens: current.input_tokens + usage.input_tokens,
    output_tokens: current.output_tokens + usage.output_tokens,
  });
}

/** Builds `summary_payload` from what the planner observed. */
export function buildSummary(facts: JobFacts): SummaryPayload {
  const agents: Record<string, AgentRunRecord> = {};
  const usage = new Map<string, ModelUsage>();
  addUsage(usage, facts.planner.model, facts.planner.usage);
  if (facts.tagger) {
    agents.tagger = facts.tagger.record;
    addUsage(usage, facts.tagger.usageModel, facts.tagger.usage);
  }
  for (const [name, run] of facts.specialists) {
    agents[name] = run.record;
    addUsage(usage, run.usageModel, run.usage);
  }
  for (const [name, reason] of facts.skipped) {
    agents[name] = { status: 'skipped', duration_ms: 0, model: null, error: null, detail: reason };
  }
  const spends: AgentSpend[] = [
    { agent: 'planner', model: facts.planner.model, usage: facts.planner.usage },
    ...(facts.tagger ? [{ agent: 'tagger', model: facts.tagger.usageModel, usage: facts.tagger.usage }] : []),
    ...[...facts.specialists].map(([agent, run]) => ({ agent, model: run.usageModel, usage: run.usage })),
  ];
  return {
    outcome: judgeOutcome(facts.specialists, facts.gaps).outcome,
    agents,
    plan: {
      source: facts.plan.source,
      model_calls: facts.plan.modelCalls,
      required: facts.plan.required,
      executed: [...facts.specialists.keys()],
      note: facts.plan.note,
      question: facts.plan.question,
      origin: facts.plan.origin,
      steps: facts.plan.steps,
      rejected: facts.plan.rejected.map((line) => line.slice(0, 500)),
      deviations: facts.plan.deviations,
      planning_ms: facts.plan.planningMs,
    },
    usage: pricedUsage([...usage.values()], facts.modelPrices),
    cost: jobCost(spends, facts.modelPrices),
    prices: {
      source: facts.prices.source,
      stale: facts.priceDates.staleSymbols.length > 0,
      missing: facts.prices.missing,
      as_of: facts.priceDates.asOf,
      stale_symbols: facts.priceDates.staleSymbols,
      last_trading_day: facts.priceDates.lastTradingDay,
    },
    gaps: facts.gaps,
    assumptions: facts.assumptions,
    llm: facts.llm,
    started_at: facts.startedAt.toISOString(),
    finished_at: facts.finishedAt.toISOString(),
    duration_ms: facts.finishedAt.getTime() - facts.startedAt.getTime(),
  };
}

/** The summary of a job that ended before any specialist could run: no plan, and why. */
export function failureSummary(
  reason: string,
  startedAt: Date,
  finishedAt: Date,
  offline: boolean,
): SummaryPayload {
  return {
    outcome: 'failed',
    agents: {},
    plan: {
      source: offline ? 'offline' : 'fallback',
      model_calls: [],
      required: [],
      executed: [],
      note: `not planned: ${reason}`,
    },
    usage: [],
    prices: { source: 'none', stale: false, missing: [] },
    gaps: [],
    assumptions: [],
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
    duration_ms: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
  };
}
