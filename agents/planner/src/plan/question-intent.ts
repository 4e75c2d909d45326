import type { RetirementScenario } from '@alex/contracts';
import { MAX_SCENARIOS } from '@alex/contracts';

/** What a question asks for, read by rule: which specialists it concerns and the what-ifs it names. */
export interface QuestionIntent {
  retirement: boolean;
  charts: boolean;
  scenarios: RetirementScenario[];
}

/** The person's figures a relative what-if ("retire 5 years earlier", "save $200 more") is measured from. */
export interface IntentBaseline {
  retirementAge: number | null;
  annualContribution: number;
}

const RETIREMENT_WORDS =
  /\b(retir\w*|pension|social security|annuit\w*|withdraw\w*|nest egg|run out|last|outlive|sav(e|es|ed|ing|ings)|contribut\w*|spend\w*|income|afford|fire|early|4 ?%)\b/i;
const CHART_WORDS =
  /\b(allocat\w*|diversif\w*|sector\w*|region\w*|geograph\w*|holding\w*|concentrat\w*|rebalanc\w*|drift\w*|chart\w*|mix|exposure|weight\w*|breakdown|cash|international|domestic|stocks? (vs|versus|and) bonds?|asset class\w*)\b/i;

/** "60", "sixty" is not read: digits only, 18 to 100. */
const AGE = '(1[89]|[2-9]\\d|100)';
const RETIRE_AT = new RegExp(
  `\\bretir\\w*\\s+(?:at|by|when i(?:'m| am)|at age|age)\\s+(?:age\\s+)?${AGE}\\b`,
  'gi',
);
const RETIRE_SHIFT = /\bretir\w*\s+(\d{1,2})\s+years?\s+(earlier|sooner|later)\b/i;
const MONEY = '\\$?\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s?(k|thousand|m|million)?';
const SPEND = new RegExp(
  `\\b(?:spend|spending|income|withdraw(?:ing)?|live on|draw)\\s+(?:of\\s+|about\\s+|around\\s+)?${MONEY}(?:\\s*(?:a|per|each|/)\\s*(year|yr|month|mo))?`,
  'i',
);
const SAVE = new RegExp(
  `\\b(?:save|saving|contribute|contributing|put (?:away|in))\\s+(?:an? (?:extra|additional)\\s+)?${MONEY}(?:\\s*(?:a|per|each|/)\\s*(year|yr|month|mo))?(\\s+(?:more|extra|additional))?`,
  'i',
);

function amount(digits: string, scale: string | undefined, period: string | undefined): number {
  const base = Number(digits.replace(/,/g, ''));
  const scaled = /^(k|thousand)$/i.test(scale ?? '')
    ? base * 1_000
    : /^(m|million)$/i.test(scale ?? '')
      ? base * 1_000_000
      : base;
  return /^mo/i.test(period ?? '') ? scaled * 12 : scaled;
}

/** Reads a question by rule. Unrecognised wording asks for nothing specific: the full analysis follows. */
export function questionIntent(question: string | undefined, baseline: IntentBaseline): QuestionIntent {
  if (!question) return { retirement: true, charts: true, scenarios: [] };
  const ages = [...question.matchAll(RETIRE_AT)].map((match) => Number(match[1]));
  const shift = RETIRE_SHIFT.exec(question);
  if (shift && baseline.retirementAge !== null) {
    const years = Number(shift[1]) * (shift[2]?.toLowerCase() === 'later' ? 1 : -1);
    ages.push(baseline.retirementAge + years);
  }
  const spend = SPEND.exec(question);
  const save = SAVE.exec(question);
  const common: RetirementScenario = {};
  if (spend?.[1]) common.target_income = amount(spend[1], spend[2], spend[3]);
  if (save?.[1]) {
    const extra = amount(save[1], save[2], save[3]);
    common.annual_contribution = save[4] ? baseline.annualContribution + extra : extra;
  }
  const scenarios: RetirementScenario[] = [...new Set(ages)].map((age) => ({
    retirement_age: age,
    ...common,
  }));
  if (scenarios.length === 0 && Object.keys(common).length > 0) scenarios.push(common);
  return {
    retirement: scenarios.length > 0 || RETIREMENT_WORDS.test(question),
    charts: CHART_WORDS.test(question),
    scenarios: scenarios.slice(0, MAX_SCENARIOS),
  };
}
