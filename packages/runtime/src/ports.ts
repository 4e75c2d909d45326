import type { AgentName } from '@alex/contracts';
import type { Clock } from './clock';
import type { Logger } from './logger';

/**
 * What every agent core is given: its repositories and language model (typed by the agent, which knows the
 * database and model packages), a logger and a clock. Each agent's deps add what only it needs.
 */
export interface AgentCoreDeps<Repos, Llm> {
  repos: Repos;
  llm: Llm;
  logger: Logger;
  clock: Clock;
}

/** The outcome of invoking another agent: its response payload, or why the invocation failed. */
export type InvokeOutcome = { ok: true; payload: unknown } | { ok: false; error: string };

/** Invokes another agent by name (a Lambda in AWS, a function call locally). Never retries. */
export interface AgentInvoker {
  invoke(agent: AgentName, event: unknown): Promise<InvokeOutcome>;
}

/**
 * What a price refresh did: prices written (with the trading date, `YYYY-MM-DD`, each is from) and symbols it
 * could not price. Whether the stored prices are current is judged from their dates, not here.
 */
export interface PriceRefresh {
  source: string;
  updated: { symbol: string; price: number; asOf: string }[];
  missing: string[];
  note: string | null;
}

/** Refreshes instrument prices; an adapter never writes a guessed price. */
export interface MarketData {
  refreshPrices(symbols: readonly string[]): Promise<PriceRefresh>;
}

/** One retrieved piece of market knowledge. */
export interface Insight {
  title: string;
  text: string;
  source: string;
}

/** Retrieves market knowledge relevant to some symbols. */
export interface Knowledge {
  search(symbols: readonly string[], limit?: number): Promise<Insight[]>;
}
