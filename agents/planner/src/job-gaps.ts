import { analysePortfolio, dataGaps, retirementHorizon } from '@alex/analytics';
import { AgentName, type DataGap, type Portfolio, type SpecialistName } from '@alex/contracts';
import type { LanguageModel } from '@alex/llm';
import type { AgentRun } from './specialist-runs';
import type { TaggingRun } from './tagging';

// The reason runModelStep records: "model <id>[ at <endpoint>] failed: <why>"; the gap keeps <why>.
const MODEL_FAILURE = /model \S+(?: at \S+)? failed: ([^;]*)/;

function taggingGaps(tagging: TaggingRun | null): DataGap[] {
  return (tagging?.failed ?? []).map(({ symbols, error }) => ({
    kind: 'tagging_failed',
    symbols,
    detail: `Classifying ${symbols.length} instrument${symbols.length === 1 ? '' : 's'} (${symbols.join(', ')}) failed: ${error}.`,
    value_left_out: null,
  }));
}

const WHAT_EACH_MAKES: Record<SpecialistName, string> = {
  reporter: 'The written report',
  charter: 'The charts',
  retirement: 'The retirement projection',
};

function specialistGaps(specialists: Map<SpecialistName, AgentRun>): DataGap[] {
  return [...specialists]
    .filter(([, run]) => run.record.status === 'failed')
    .map(([name, run]) => ({
      kind: 'analysis_failed',
      symbols: [],
      detail: `${WHAT_EACH_MAKES[name]} could not be made: ${run.record.error ?? 'it failed'}.`,
      value_left_out: null,
    }));
}

/** Goals half set (years without an income, or the reverse) are not a plan: say no projection was made. */
function goalsAssumption(portfolio: Portfolio): string | null {
  const { yearsUntilRetirement, targetRetirementIncome } = portfolio.user;
  if ((yearsUntilRetirement === null) === (targetRetirementIncome === null)) return null;
  const missing = yearsUntilRetirement === null ? 'years to retirement' : 'target retirement income';
  return `Your retirement goals are incomplete (no ${missing}), so no retirement projection was made.`;
}

/** Agents that wrote offline although a model is configured: the model failed for them. */
function modelGap(
  llm: LanguageModel,
  runs: [string, AgentRun][],
  plannerFailure: string | null,
): DataGap | null {
  if (llm.model === null) return null;
  const failed = runs.filter(
    ([, run]) => run.record.status === 'succeeded' && run.record.model === 'offline',
  );
  // Named in the agents' usual order, whatever order the plan ran them in.
  const order: readonly string[] = AgentName.options;
  const names = [...(plannerFailure ? ['planner'] : []), ...failed.map(([name]) => name)].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  if (names.length === 0) return null;
  const reason =
    [plannerFailure, ...failed.map(([, run]) => run.record.detail)]
      .map((text) => text?.match(MODEL_FAILURE)?.[1])
      .find(Boolean) ?? 'no usable answer';
  const where = llm.endpoint ? ` at ${llm.endpoint}` : '';
  return {
    kind: 'model_failed',
    symbols: [],
    detail: `The configured model ${llm.id}${where} did not deliver for ${names.join(', ')} (${reason}); that output was written without it, from the computed figures only.`,
    value_left_out: null,
  };
}

/** What a finished job left out or assumed, from the portfolio as it stands after tagging and pricing. */
export function jobGaps(input: {
  portfolio: Portfolio;
  tagging: TaggingRun | null;
  specialists: Map<SpecialistName, AgentRun>;
  llm: LanguageModel;
  plannerModelFailure: string | null;
}): { gaps: DataGap[]; assumptions: string[] } {
  const runs: [string, AgentRun][] = [
    ...(input.tagging ? [['tagger', input.tagging.run] as [string, AgentRun]] : []),
    ...input.specialists,
  ];
  const model = modelGap(input.llm, runs, input.plannerModelFailure);
  const gaps = [
    ...dataGaps(analysePortfolio(input.portfolio)),
    ...taggingGaps(input.tagging),
    ...specialistGaps(input.specialists),
    ...(model ? [model] : []),
  ];
  const { user } = input.portfolio;
  const horizon =
    input.specialists.has('retirement') && user.yearsUntilRetirement !== null
      ? retirementHorizon({ currentAge: user.currentAge, yearsUntilRetirement: user.yearsUntilRetirement })
      : null;
  const assumptions = [horizon?.assumption ?? null, goalsAssumption(input.portfolio)];
  return { gaps, assumptions: assumptions.filter((line): line is string => line !== null) };
}
