import { isClassified, type Portfolio, type TaggerInstrument } from '@alex/contracts';
import type { AgentInvoker, Clock } from '@alex/runtime';
import { type AgentRun, invokeAndRecord } from './specialist-runs';

/** Held instruments missing an allocation map, each symbol once. */
export function instrumentsToTag(portfolio: Portfolio): TaggerInstrument[] {
  const bySymbol = new Map<string, TaggerInstrument>();
  for (const position of portfolio.accounts.flatMap((account) => account.positions)) {
    if (!isClassified(position.instrument) && !bySymbol.has(position.symbol)) {
      bySymbol.set(position.symbol, { symbol: position.symbol, name: position.instrument.name });
    }
  }
  return [...bySymbol.values()];
}

/** Asks the tagger to classify what is missing; null when nothing is. */
export async function tagMissingInstruments(
  portfolio: Portfolio,
  invoker: AgentInvoker,
  clock: Clock,
): Promise<AgentRun | null> {
  const instruments = instrumentsToTag(portfolio);
  if (instruments.length === 0) return null;
  return invokeAndRecord(invoker, clock, 'tagger', { instruments });
}
