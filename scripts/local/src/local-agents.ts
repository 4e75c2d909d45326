import { createCharterHandler } from '@alex/agent-charter';
import { createPlannerHandler, localClaimOwner } from '@alex/agent-planner';
import { createReporterHandler } from '@alex/agent-reporter';
import { createRetirementHandler } from '@alex/agent-retirement';
import { createTaggerHandler } from '@alex/agent-tagger';
import type { AgentName } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import type { LanguageModel, ModelPriceTable } from '@alex/llm';
import { storedPrices } from '@alex/market-data';
import {
  type AgentHandler,
  type AgentInvoker,
  type Clock,
  inProcessInvoker,
  type Logger,
  type TransientRetryOptions,
} from '@alex/runtime';
import { localKnowledge } from './local-knowledge';
import { observedInvoker, type ProgressEvent } from './observed-invoker';

/** What the local agents run on. */
export interface LocalAgentOptions {
  repos: Repositories;
  /** The model of every agent without its own entry in `models`. */
  llm: LanguageModel;
  /** Per-agent models (e.g. a small one for the planner), as `createAgentLanguageModels` builds them. */
  models?: Partial<Record<AgentName, LanguageModel>>;
  logger: Logger;
  clock: Clock;
  onProgress?: (event: ProgressEvent) => void;
  /** Replaces an agent's handler (benchmarks and failure drills). */
  overrides?: Partial<Record<AgentName, AgentHandler>>;
  /** The planner's claim owner (default `local:<host>:<pid>`, which the local sweep checks by pid). */
  claimOwner?: string;
  /** The planner's claim lease (default 120 s, renewed every third of it). */
  leaseMs?: number;
  /** The planner's database retry policy (default: up to 60 s per call). */
  retry?: TransientRetryOptions;
  /** The planner's price table for model costs (the published defaults when unset). */
  modelPrices?: ModelPriceTable;
  /** Retirement paths per job (default the engine's 10,000); drills running many jobs in one process use fewer. */
  retirementPaths?: number;
}

/** The five handlers wired with local adapters: in-process invocation, stored prices, local market notes. */
export function buildLocalAgents(options: LocalAgentOptions): {
  handlers: Record<AgentName, AgentHandler>;
  invoker: AgentInvoker;
} {
  const { repos, logger, clock } = options;
  const deps = (agent: AgentName) => ({
    repos,
    llm: options.models?.[agent] ?? options.llm,
    clock,
    logger: logger.child({ agent }),
  });
  const specialists = {
    tagger: createTaggerHandler(deps('tagger')),
    reporter: createReporterHandler({ ...deps('reporter'), knowledge: localKnowledge(repos.marketNotes) }),
    charter: createCharterHandler(deps('charter')),
    retirement: createRetirementHandler({
      ...deps('retirement'),
      ...(options.retirementPaths ? { paths: options.retirementPaths } : {}),
    }),
    ...options.overrides,
  };
  const invoker = observedInvoker(inProcessInvoker(specialists), options.onProgress ?? (() => {}));
  const marketData = storedPrices((symbols) => repos.instruments.storedPrices(symbols));
  const planner =
    options.overrides?.planner ??
    createPlannerHandler({
      ...deps('planner'),
      invoker,
      marketData,
      claimOwner: options.claimOwner ?? localClaimOwner(),
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.modelPrices ? { modelPrices: options.modelPrices } : {}),
    });
  return { handlers: { ...specialists, planner }, invoker };
}
