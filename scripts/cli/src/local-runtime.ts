import type { DatabaseHandle } from '@alex/database';
import { createRepositories } from '@alex/database';
import { modelPriceTable } from '@alex/llm';
import { createAgentLanguageModels } from '@alex/llm/factory';
import { buildLocalAgents, type LocalAgentOptions } from '@alex/local-stack';
import { createJsonLogger, type Logger, retryingRepositories, systemClock } from '@alex/runtime';

/**
 * Each agent's model from the environment (offline when none is configured): `<AGENT>_LLM_MODEL` or
 * `<AGENT>_BEDROCK_MODEL_ID` when set, else the shared `LLM_MODEL` / `BEDROCK_MODEL_ID`.
 */
function configuredModels(): Pick<LocalAgentOptions, 'llm' | 'models'> {
  const models = createAgentLanguageModels(process.env);
  return { llm: models.planner, models };
}

/** The planner's model from the environment (`PLANNER_LLM_MODEL`, …), offline when none is configured. */
export function plannerModel() {
  return createAgentLanguageModels(process.env).planner;
}

/** Agent logs on stderr; quiet unless ALEX_LOG_LEVEL asks for more, so progress lines stay readable. */
export function agentLogger(): Logger {
  const level = (process.env.ALEX_LOG_LEVEL ?? 'warn') as 'debug' | 'info' | 'warn' | 'error';
  return createJsonLogger({ service: 'alex', level });
}

/**
 * The repositories a local command works with: every call retries transient errors (a local database server
 * that restarts, a PostgreSQL server that blips) for up to a minute, as the agents do in Lambda.
 */
export function localRepositories(handle: DatabaseHandle) {
  return retryingRepositories(createRepositories(handle.db), { maxRetryTimeMs: 60_000 });
}

/** The five agents wired to this database with local adapters. */
export function localAgents(handle: DatabaseHandle, extra: Partial<LocalAgentOptions> = {}) {
  return buildLocalAgents({
    repos: localRepositories(handle),
    ...configuredModels(),
    logger: agentLogger(),
    clock: systemClock,
    modelPrices: modelPriceTable(process.env.MODEL_PRICES),
    ...extra,
  });
}
