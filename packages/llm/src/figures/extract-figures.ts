/** What a figure measures, as its text shows it: dollars, a percentage (or percentage points), or a plain number. */
export type FigureKind = 'money' | 'percent' | 'number';

/** One figure read from a text: its value, how precisely it is written and where it stands. */
export interface Figure {
  /** The figure as written: "$1.2M", "72.0%", "1931". */
  text: string;
  /** Its value, scaled ("$1.2M" is 1,200,000) and without sign: text says direction in words. */
  value: number;
  kind: FigureKind;
  /** Half a unit of its last written digit: "72%" is any value within 0.5 of 72, "$1.23M" within 5,000. */
  tolerance: number;
  /** The line around it, shortened, to say where it stands. */
  context: string;
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

// A number with an optional dollar sign before it, and an optional scale and unit after it. Percentages,
// "percent", "points" (percentage points) and "bps" are percent-like; "dollars" is money.
const FIGURE =
  /(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|mn|bn|k|m|b)(?![A-Za-z]))?(\s?%|\s(?:percentage points?|percent|per cent|points?|pts|bps|dollars)(?![A-Za-z]))?/gi;

/**
 * Rewrites what would read as several figures but is one: a year range "1973-74" becomes "1973-1974", an
 * ISO date keeps only its year, and links are dropped (their numbers are addresses).
 */
function normalise(line: string): string {
  return line
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b(\d{4})-\d{2}-\d{2}\b/g, '$1')
    .replace(/\b(1[89]|20)(\d{2})[-–](\d{2})\b/g, '$1$2-$1$3');
}

/** A heading's numbering ("## 2. Risks") and a list item's marker ("1. ", "- ") are structure, not figures. */
function withoutMarkers(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+(?:\d+(?:\.\d+)*[.)]?\s+)?/, '')
    .replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+/, '');
}

function contextOf(line: string, start: number, end: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(line.length, end + 40);
  return `${from > 0 ? '…' : ''}${line.slice(from, to).trim()}${to < line.length ? '…' : ''}`;
}

function kindOf(dollar: string | undefined, unit: string | undefined): FigureKind {
  const word = unit?.trim().toLowerCase();
  if (dollar || word === 'dollars') return 'money';
  return word ? 'percent' : 'number';
}

/**
 * Every figure in a markdown text: dollar amounts ("$1,234.56", "$1.2M", "$12k"), percentages and points
 * ("72%", "1.9 points"), and plain numbers (ages, years, counts). A number glued to letters ("Q3", "3rd",
 * "S3"), a "401(k)", a heading's numbering and a list marker are not figures.
 */
export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const raw of text.split('\n')) {
    const line = withoutMarkers(normalise(raw));
    for (const match of line.matchAll(FIGURE)) {
      const [whole, dollar, digits = '', scaleWord, unit] = match;
      const start = match.index;
      const end = start + whole.length;
      if (/[A-Za-z0-9_.,]/.test(line[start - 1] ?? '') && !dollar) continue;
      if (/[A-Za-z0-9_]/.test(line[end] ?? '') || line.startsWith('(k)', end) || line.startsWith('(b)', end))
        continue;
      // "m" and "b" alone read as a scale only after a dollar sign ("$1.2m"); "5 m" is not five million.
      const scaled = scaleWord && (dollar || !/^[mb]$/i.test(scaleWord));
      const scale = scaled ? (SCALES[scaleWord.toLowerCase()] ?? 1) : 1;
      const decimals = digits.split('.')[1]?.length ?? 0;
      figures.push({
        text: whole.trim(),
        value: Number(digits.replace(/,/g, '')) * scale,
        kind: kindOf(dollar, unit),
        tolerance: 0.5 * 10 ** -decimals * scale,
        context: contextOf(line, start, end),
      });
    }
  }
  return figures;
}
