import { extractFigures, type FigureKind } from './extract-figures';

/**
 * A value a text may state. `any` matches every kind of written figure; a plain `number` only a plain one
 * (so a number inside a quoted name can be repeated as a name, "S&P 500", never as dollars or a percentage).
 */
export interface AllowedFigure {
  value: number;
  kind: FigureKind | 'any';
}

/**
 * Figures any text may state without a fact behind them: zero, 100%, and small counts (1 to 10) written as
 * plain numbers ("three accounts", "5 steps"), which are not worth a rejection. Money and percentages other
 * than these always need a fact.
 */
export const UNIVERSAL_FIGURES: readonly AllowedFigure[] = [
  { value: 0, kind: 'any' },
  { value: 100, kind: 'percent' },
  ...Array.from({ length: 10 }, (_, i) => ({ value: i + 1, kind: 'number' as const })),
];

// Double-quoted spans: names and notes from users and data providers (quoteUntrusted), and quotations.
const QUOTED = /"(?:[^"\\\n]|\\.)*"|“[^”\n]*”/g;

function figuresOf(text: string, kind?: 'number'): AllowedFigure[] {
  return extractFigures(text).map((figure) => ({ value: figure.value, kind: kind ?? figure.kind }));
}

/**
 * The figures a model may state, read from the texts it was given: every figure in the facts as what it is
 * ("$1,234.56" money, "72.0%" a percentage), except inside double quotes (names, notes, quoted data), whose
 * numbers count only as plain numbers; every number of `quoted` texts (the person's question, the planner's
 * note) likewise as plain numbers only. Plus {@link UNIVERSAL_FIGURES}.
 */
export function factFigures(
  facts: readonly string[],
  options: { quoted?: readonly string[] } = {},
): AllowedFigure[] {
  const allowed: AllowedFigure[] = [...UNIVERSAL_FIGURES];
  for (const text of facts) {
    allowed.push(...figuresOf(text.replace(QUOTED, ' ')));
    for (const span of text.match(QUOTED) ?? []) allowed.push(...figuresOf(span, 'number'));
  }
  for (const text of options.quoted ?? []) allowed.push(...figuresOf(text, 'number'));
  return allowed;
}

function collect(value: unknown, into: AllowedFigure[], depth: number): void {
  if (depth > 20) return;
  if (typeof value === 'number' && Number.isFinite(value)) {
    into.push({ value, kind: 'any' }, { value: value * 100, kind: 'percent' });
  } else if (typeof value === 'string') {
    into.push(...figuresOf(value, 'number'));
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, into, depth + 1);
  }
}

/**
 * The figures stored data supports, to check a text against the payloads it was computed from: every number
 * as itself (any kind) and, as a fraction, times 100 as a percentage (a success rate of 0.043 is 4.3%);
 * numbers inside strings (names) as plain numbers. Plus {@link UNIVERSAL_FIGURES}.
 */
export function dataFigures(...data: unknown[]): AllowedFigure[] {
  const allowed: AllowedFigure[] = [...UNIVERSAL_FIGURES];
  for (const value of data) collect(value, allowed, 0);
  return allowed;
}
