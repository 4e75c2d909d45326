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
  currentAge: number | null;
  retirementAge: number | null;
  annualContribution: number;
}

const RETIREMENT_WORDS =
  /\b(retir\w*|pension|social security|annuit\w*|withdraw\w*|nest egg|run out|last|outlive|sav(e|es|ed|ing|ings)|contribut\w*|spend\w*|income|afford|fire|early|4 ?%|fees?|expense ratios?|stop work\w*)\b/i;
const CHART_WORDS =
  /\b(allocat\w*|diversif\w*|sector\w*|region\w*|geograph\w*|holding\w*|concentrat\w*|rebalanc\w*|drift\w*|chart\w*|mix|exposure|weight\w*|breakdown|cash|international|domestic|stocks? (vs|versus|and) bonds?|asset class\w*|tech\w*|industr\w*|countr\w*|foreign|emerging|outside the u\.?s\b|accounts?)\b/i;
/** Questions about the whole portfolio ("how am I doing?") and nothing narrower: the full analysis answers them. */
const GENERAL_WORDS =
  /\b(how am i doing|how'?s my|overall|overview|big picture|(good|bad|great) shape|anything .*change|what should i (do|change)|advice|review|^\s*help( me)?\W*$)/i;
/** Another person's data: nothing of this portfolio's analysis answers it beyond the reporter's reply. */
const OTHER_USER = /\b(\w*user_\d+\w*|someone else'?s?|another (user|person|client)'?s?|other users'?)\b/i;

/** "60", "sixty" and "sixty-two" are read; ages 18 to 100 only. */
const AGE = '(1[89]|[2-9]\\d|100)';
const RETIRE_VERB = '(?:retir\\w*|stop(?:ping)? work\\w*|quit\\w* work\\w*)';
const AGE_AFTER = `(?:at|by|when i(?:'m| am)|at age|age)\\s+(?:age\\s+)?`;
const RETIRE_AT = new RegExp(
  `\\b${RETIRE_VERB}\\s+${AGE_AFTER}${AGE}\\b((?:\\s*(?:,|or|and|versus|vs\\.?|to)\\s*(?:at\\s+)?(?:age\\s+)?${AGE}\\b)*)`,
  'gi',
);
const RETIRE_SHIFT = /\bretir\w*\s+(\d{1,2})\s+years?\s+(earlier|sooner|later)\b/i;
const RETIRE_IN = /\bretir\w*\s+in\s+(\d{1,2})\s+years?\b/i;
const MONEY = '\\$?\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s?(k|thousand|m|million)\\b)?';
const PERIOD = '(?:\\s*(?:a|per|each|/)\\s*(year|yr|month|mo))?';
const SPEND = new RegExp(
  `\\b(?:spend(?:ing)?|income|withdraw(?:ing)?|live (?:on|off)|draw|need|budget)\\s+(?:(?:target|goal)\\s+)?(?:(?:of|about|around|were|was|is|to be|be)\\s+)?${MONEY}${PERIOD}`,
  'i',
);
const SPEND_AFTER = new RegExp(
  `${MONEY}${PERIOD}\\s+(?:of|in)\\s+(?:yearly\\s+|annual\\s+)?(?:income|spending)\\b`,
  'i',
);
const SAVE = new RegExp(
  `\\b(?:save|saving|contribute|contributing|put (?:away|in)|invest(?:ing)?)\\s+(an? (?:extra|additional)\\s+|another\\s+)?${MONEY}(\\s+(?:more|extra|additional))?${PERIOD}(\\s+(?:more|extra|additional))?`,
  'i',
);

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Spelled numbers up to ninety-nine as digits ("sixty-two" -> "62"), so the patterns read one form. */
function digitsForWords(text: string): string {
  const word = (list: string[]) => list.filter(Boolean).join('|');
  const pattern = new RegExp(
    `\\b(?:(${word(TENS)})(?:[- ](${word(UNITS)}))?|(${word(TEENS)})|(${word(UNITS)}))\\b`,
    'gi',
  );
  return text.replace(pattern, (_match, tens?: string, unit?: string, teen?: string, single?: string) => {
    const index = (list: string[], value?: string) => list.indexOf((value ?? '').toLowerCase());
    if (teen) return String(10 + index(TEENS, teen));
    if (single) return String(index(UNITS, single));
    return String(index(TENS, tens) * 10 + Math.max(0, index(UNITS, unit)));
  });
}

function amount(digits: string, scale: string | undefined, period: string | undefined): number {
  const base = Number(digits.replace(/,/g, ''));
  const scaled = /^(k|thousand)$/i.test(scale ?? '')
    ? base * 1_000
    : /^(m|million)$/i.test(scale ?? '')
      ? base * 1_000_000
      : base;
  return /^mo/i.test(period ?? '') ? scaled * 12 : scaled;
}

function retirementAges(question: string, baseline: IntentBaseline): number[] {
  const ages = [...question.matchAll(RETIRE_AT)].flatMap((match) => [
    Number(match[1]),
    ...[...(match[2] ?? '').matchAll(new RegExp(AGE, 'g'))].map((more) => Number(more[1])),
  ]);
  const shift = RETIRE_SHIFT.exec(question);
  if (shift && baseline.retirementAge !== null) {
    const years = Number(shift[1]) * (shift[2]?.toLowerCase() === 'later' ? 1 : -1);
    ages.push(baseline.retirementAge + years);
  }
  const within = RETIRE_IN.exec(question);
  if (within && baseline.currentAge !== null) ages.push(baseline.currentAge + Number(within[1]));
  return [...new Set(ages)];
}

/** Reads a question by rule. A question about the whole portfolio, or none, asks for the full analysis. */
export function questionIntent(question: string | undefined, baseline: IntentBaseline): QuestionIntent {
  if (!question) return { retirement: true, charts: true, scenarios: [] };
  if (OTHER_USER.test(question)) return { retirement: false, charts: false, scenarios: [] };
  const text = digitsForWords(question);
  const spend = SPEND.exec(text) ?? SPEND_AFTER.exec(text);
  const save = SAVE.exec(text);
  const common: RetirementScenario = {};
  if (spend?.[1]) common.target_income = amount(spend[1], spend[2], spend[3]);
  if (save?.[2]) {
    const extra = amount(save[2], save[3], save[5]);
    const relative = Boolean(save[1] || save[4] || save[6]);
    common.annual_contribution = relative ? baseline.annualContribution + extra : extra;
  }
  const scenarios: RetirementScenario[] = retirementAges(text, baseline).map((age) => ({
    retirement_age: age,
    ...common,
  }));
  if (scenarios.length === 0 && Object.keys(common).length > 0) scenarios.push(common);
  const retirement = scenarios.length > 0 || RETIREMENT_WORDS.test(text);
  const charts = CHART_WORDS.test(text);
  if (!retirement && !charts && GENERAL_WORDS.test(text))
    return { retirement: true, charts: true, scenarios: [] };
  return { retirement, charts, scenarios: scenarios.slice(0, MAX_SCENARIOS) };
}
