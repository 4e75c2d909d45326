import type { AllowedFigure } from './allowed-figures';
import { extractFigures, type Figure } from './extract-figures';

/** What a text must be before it is stored. */
export interface TextRules {
  /** The figures it may state ({@link factFigures}, {@link dataFigures}). */
  allowed: readonly AllowedFigure[];
  /** Headings it must have, matched ignoring case, numbering and "&" for "and" ("## 2. Key Risks" has "Risks"). */
  sections?: readonly string[];
  /** Characters, after trimming. */
  minLength?: number;
  maxLength?: number;
  /** Texts whose numbers are not figures where they appear (the person's question, quoted back). */
  ignore?: readonly string[];
}

/** What is wrong with a text; every list empty when it may be stored. */
export interface TextCheck {
  ok: boolean;
  /** Figures no allowed value supports within their written rounding. */
  figures: Figure[];
  /** Required headings it lacks. */
  missingSections: string[];
  /** Shape problems: too short, too long, no level-1 heading. */
  shape: string[];
}

// Floating-point slack: 71.95 written as "72.0" is exactly half a unit away.
const EPSILON = 1e-9;

/**
 * True when an allowed value supports a written figure: kinds agree (a plain written number may be any
 * kind; an `any` value supports every kind) and their sizes differ by at most half a unit of the figure's
 * last written digit. Signs are ignored: text says "below" or "down" in words.
 */
function supports(allowed: AllowedFigure, figure: Figure): boolean {
  if (allowed.kind !== 'any' && figure.kind !== 'number' && allowed.kind !== figure.kind) return false;
  const gap = Math.abs(Math.abs(allowed.value) - figure.value);
  return gap <= figure.tolerance + EPSILON * Math.max(1, figure.value);
}

/** The figures of a text that no allowed value supports, each with the words around it. */
export function unmatchedFigures(
  text: string,
  allowed: readonly AllowedFigure[],
  ignore: readonly string[] = [],
): Figure[] {
  const checked = ignore.reduce((rest, span) => (span ? rest.split(span).join(' ') : rest), text);
  return extractFigures(checked).filter((figure) => !allowed.some((value) => supports(value, figure)));
}

const normaliseTitle = (title: string) =>
  title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/^\s*(?:\d+|[ivx]+)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The required headings a markdown text lacks. */
export function missingSections(text: string, sections: readonly string[]): string[] {
  const headings = text
    .split('\n')
    .filter((line) => /^\s{0,3}#{1,6}\s/.test(line))
    .map((line) => normaliseTitle(line.replace(/^\s*#+/, '')));
  return sections.filter((section) => !headings.some((heading) => heading.includes(normaliseTitle(section))));
}

function shapeProblems(text: string, rules: TextRules): string[] {
  const length = text.trim().length;
  return [
    ...(rules.minLength !== undefined && length < rules.minLength
      ? [`too short: ${length} characters (at least ${rules.minLength})`]
      : []),
    ...(rules.maxLength !== undefined && length > rules.maxLength
      ? [`too long: ${length} characters (at most ${rules.maxLength})`]
      : []),
    ...(/^#\s/m.test(text) ? [] : ['no level-1 heading']),
  ];
}

/** Checks a model's markdown before it is stored: its figures, its sections and its shape. */
export function checkText(text: string, rules: TextRules): TextCheck {
  const figures = unmatchedFigures(text, rules.allowed, rules.ignore);
  const missing = missingSections(text, rules.sections ?? []);
  const shape = shapeProblems(text, rules);
  return {
    ok: figures.length === 0 && missing.length === 0 && shape.length === 0,
    figures,
    missingSections: missing,
    shape,
  };
}

/**
 * What is wrong, in one line for the model and the summary: "figures not in the facts: $7,654,321 (“…worth
 * $7,654,321 today…”); sections missing: Retirement Readiness; too short: 9 characters (at least 600)".
 * At most `limit` figures are listed, then how many more.
 */
export function describeTextCheck(check: TextCheck, limit = 5): string {
  const listed = check.figures.slice(0, limit).map((figure) => `${figure.text} (“${figure.context}”)`);
  const more = check.figures.length - listed.length;
  return [
    ...(listed.length > 0
      ? [`figures not in the facts: ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`]
      : []),
    ...(check.missingSections.length > 0 ? [`sections missing: ${check.missingSections.join(', ')}`] : []),
    ...check.shape,
  ].join('; ');
}
