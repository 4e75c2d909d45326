import { createPlan, planContext } from '@alex/agent-planner';
import type { AgentUsage, PlanOrigin, Portfolio } from '@alex/contracts';
import {
  createUsageMeter,
  type LanguageModel,
  LlmConfigError,
  llmConfigFromEnv,
  OFFLINE,
  usageCost,
} from '@alex/llm';
import { createLanguageModel } from '@alex/llm/factory';
import { createJsonLogger, type Logger } from '@alex/runtime';
import { openSeededDatabase, seededPortfolio } from '@alex/testing';
import { loadPlanQuestions, type PlanQuestion } from './plan-questions';
import {
  describeScenario,
  outlinePlan,
  type PlanOutline,
  type PlanScore,
  scorePlan,
  tallyScores,
} from './plan-score';
import { formatSummary, summarize } from './stats';

type Log = (line: string) => void;

/** One labelled question as a planner planned it. */
export interface PlannedQuestion {
  entry: PlanQuestion;
  outline: PlanOutline;
  score: PlanScore;
  origin: PlanOrigin;
  /** Reading the question, planning and checking, in milliseconds. */
  ms: number;
  usage: AgentUsage;
}

/** Plans every question in turn (one at a time, so latencies do not overlap) with the given model. */
export async function planQuestions(
  questions: readonly PlanQuestion[],
  portfolio: Portfolio,
  llm: LanguageModel,
  logger: Logger,
): Promise<PlannedQuestion[]> {
  const planned: PlannedQuestion[] = [];
  for (const entry of questions) {
    const meter = createUsageMeter();
    const started = performance.now();
    const result = await createPlan(planContext(portfolio, entry.question ?? undefined), {
      llm,
      meter,
      logger,
    });
    const ms = performance.now() - started;
    const outline = outlinePlan(result.plan);
    planned.push({
      entry,
      outline,
      score: scorePlan(outline, entry.expected),
      origin: result.origin,
      ms,
      usage: meter.snapshot(),
    });
  }
  return planned;
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`.padStart(4);
const outlineText = (outline: PlanOutline | PlanQuestion['expected']) =>
  `${outline.agents.join('+')}${outline.scenarios.length > 0 ? ` [${outline.scenarios.map(describeScenario).join('; ')}]` : ''}`;

function reportCost(log: Log, modelId: string, planned: readonly PlannedQuestion[]): void {
  const costs = planned.map((item) => usageCost(modelId, item.usage));
  const tokens = planned.reduce((sum, item) => sum + item.usage.input_tokens + item.usage.output_tokens, 0);
  const requests = planned.reduce((sum, item) => sum + item.usage.requests, 0);
  const known = costs.filter((cost): cost is number => cost !== null);
  const perPlan =
    known.length < costs.length
      ? `unknown price for ${modelId}`
      : `$${(known.reduce((sum, cost) => sum + cost, 0) / Math.max(1, known.length)).toFixed(6)}`;
  log(
    `  cost per plan ${perPlan} (${(requests / planned.length).toFixed(2)} model requests, ${Math.round(tokens / planned.length)} tokens per plan)`,
  );
}

/** Accuracy overall and per tag, latency, cost, and every question the planner got wrong. */
export function reportPlans(log: Log, label: string, modelId: string, planned: readonly PlannedQuestion[]) {
  const { overall, byTag } = tallyScores(
    planned.map((item) => ({ tags: item.entry.tags, score: item.score })),
  );
  log(`${label} (${modelId}), ${overall.n} labelled questions for test_user_001`);
  log(
    `  accuracy: agents ${pct(overall.agents)}   scenarios ${pct(overall.scenarios)}   both ${pct(overall.both)}`,
  );
  for (const [tag, accuracy] of byTag)
    log(
      `    ${tag.padEnd(16)} n=${String(accuracy.n).padStart(2)}   agents ${pct(accuracy.agents)}   scenarios ${pct(accuracy.scenarios)}   both ${pct(accuracy.both)}`,
    );
  const latency = summarize(planned.map((item) => item.ms));
  log(formatSummary('  planning latency per question', latency));
  if (latency.p95 < 1) {
    // Rules alone plan in microseconds, below the millisecond line's resolution.
    const micro = summarize(planned.map((item) => item.ms * 1000));
    log(`    in microseconds: p50 ${micro.p50.toFixed(1)} µs, p95 ${micro.p95.toFixed(1)} µs`);
  }
  reportCost(log, modelId, planned);
  const origins = new Map<PlanOrigin, number>();
  for (const item of planned) origins.set(item.origin, (origins.get(item.origin) ?? 0) + 1);
  log(`  plan origins: ${[...origins].map(([origin, count]) => `${origin} ${count}`).join(', ')}`);
  for (const item of planned.filter((candidate) => !candidate.score.both))
    log(
      `  wrong ${item.entry.id}: expected ${outlineText(item.entry.expected)}, planned ${outlineText(item.outline)}`,
    );
  return { overall, byTag };
}

// The planner's own model when per-agent models are configured, else the shared one; null when offline.
function configuredPlannerModel(env: Record<string, string | undefined>, log: Log): LanguageModel | null {
  try {
    const config = llmConfigFromEnv(env, 'planner');
    return config.provider === 'offline' ? null : createLanguageModel(config);
  } catch (error) {
    if (!(error instanceof LlmConfigError)) throw error;
    log(`  model planner skipped: ${error.message}`);
    return null;
  }
}

/**
 * The plan benchmark: the labelled questions (data/plan-questions.json) planned by the deterministic planner
 * and, when a model is configured in `env`, by the model planner, each scored against its label.
 */
export async function benchPlans(log: Log, env: Record<string, string | undefined> = process.env) {
  const questions = loadPlanQuestions();
  const database = await openSeededDatabase();
  const logger = createJsonLogger({ service: 'bench', level: 'error' });
  try {
    const portfolio = await seededPortfolio(database);
    // One pass first so the timed pass measures planning, not module warm-up.
    await planQuestions(questions, portfolio, OFFLINE, logger);
    const offline = await planQuestions(questions, portfolio, OFFLINE, logger);
    const deterministic = reportPlans(log, 'Plan benchmark: deterministic planner', 'offline', offline);
    const model = configuredPlannerModel(env, log);
    if (!model) {
      log('  model planner: no model configured (LLM_PROVIDER / PLANNER_LLM_MODEL), not run');
      return { deterministic, model: null };
    }
    const planned = await planQuestions(questions, portfolio, model, logger);
    return { deterministic, model: reportPlans(log, 'Plan benchmark: model planner', model.id, planned) };
  } finally {
    await database.close();
  }
}
