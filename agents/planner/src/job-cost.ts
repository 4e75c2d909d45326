import type { AgentUsage, JobCost, ModelUsage } from '@alex/contracts';
import { type ModelPriceTable, usageCost } from '@alex/llm';

/** One agent's model calls in a job: the model it ran (null or "offline": none) and its tokens. */
export interface AgentSpend {
  agent: string;
  model: string | null;
  usage: AgentUsage | null;
}

/** Rounds dollars to a millionth of a dollar: finer than any single call, and free of float noise. */
const micros = (dollars: number) => Math.round(dollars * 1_000_000) / 1_000_000;

/** Every usage line with its cost at the table's prices (null when the model has no price). */
export function pricedUsage(usage: readonly ModelUsage[], table: ModelPriceTable): ModelUsage[] {
  return usage.map((line) => {
    const cost = usageCost(line.model, line, table);
    return { ...line, cost_usd: cost === null ? null : micros(cost) };
  });
}

/**
 * Dollars per agent and for the job: an agent that made no model call (offline, or a fallback before any
 * request) costs 0; one whose model the table cannot price is null, and so is the total.
 */
export function jobCost(spends: readonly AgentSpend[], table: ModelPriceTable): JobCost {
  const byAgent: Record<string, number | null> = {};
  const unpriced = new Set<string>();
  for (const { agent, model, usage } of spends) {
    const cost =
      model === null || usage === null || usage.requests === 0 ? 0 : usageCost(model, usage, table);
    if (cost === null && model !== null) unpriced.add(model);
    const before = byAgent[agent];
    byAgent[agent] = cost === null || before === null ? null : micros((before ?? 0) + cost);
  }
  const costs = Object.values(byAgent);
  const total = costs.some((cost) => cost === null)
    ? null
    : micros(costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0));
  return { total_usd: total, by_agent: byAgent, unpriced_models: [...unpriced].sort() };
}
