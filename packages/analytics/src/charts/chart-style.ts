import type { AssetClassType, RegionType, SectorType } from '@alex/contracts';

/** The frontend's chart palette, in its own order. */
export const CHART_PALETTE = [
  '#209DD7',
  '#753991',
  '#FFB707',
  '#062147',
  '#60A5FA',
  '#A78BFA',
  '#FBBF24',
  '#34D399',
  '#F87171',
  '#94A3B8',
] as const;

/** A colour from the chart palette. */
export type ChartColor = (typeof CHART_PALETTE)[number];

/** Grey, kept for catch-all slices ("Other sectors", "All other holdings") so they never look like a key. */
export const OTHER_COLOR: ChartColor = '#94A3B8';

const [blue, purple, amber, navy, sky, lavender, yellow, green, red] = CHART_PALETTE;

/** Fixed colours per asset class, so equity is the same blue in every job. */
export const ASSET_CLASS_COLORS: Readonly<Record<AssetClassType, ChartColor>> = {
  equity: blue,
  fixed_income: purple,
  real_estate: amber,
  commodities: navy,
  cash: green,
  alternatives: lavender,
};

/** Fixed colours per region; the nine regions take the nine non-grey colours. */
export const REGION_COLORS: Readonly<Record<RegionType, ChartColor>> = {
  north_america: blue,
  europe: purple,
  asia: amber,
  oceania: navy,
  latin_america: sky,
  africa: lavender,
  middle_east: yellow,
  global: green,
  international: red,
};

/**
 * Preferred colours per sector. Eighteen sectors share nine colours, paired so that the sectors a typical
 * portfolio's top eight holds (equity sectors, treasuries, gold) differ; distinctColors settles the rest.
 */
export const SECTOR_COLORS: Readonly<Record<SectorType, ChartColor>> = {
  technology: blue,
  healthcare: purple,
  financials: amber,
  consumer_discretionary: navy,
  industrials: sky,
  communication: lavender,
  consumer_staples: yellow,
  energy: green,
  utilities: red,
  treasury: red,
  commodities: yellow,
  mortgage: green,
  corporate: navy,
  government_related: lavender,
  real_estate: sky,
  materials: amber,
  diversified: purple,
  other: OTHER_COLOR,
};

/** The nine colours keys are drawn in; grey is kept for grouped data. */
const KEY_COLORS: readonly ChartColor[] = CHART_PALETTE.filter((color) => color !== OTHER_COLOR);

/** A stable preferred colour for an open-ended key (a symbol, an account name): FNV-1a hash onto KEY_COLORS. */
export function colorForName(name: string): ChartColor {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return KEY_COLORS[hash % KEY_COLORS.length] ?? blue;
}

/**
 * Gives each datum its preferred colour unless an earlier (larger) datum in the same chart already has it,
 * then the next free colour in palette order; grey stays for grouped data. Asset classes and regions have
 * distinct preferred colours, so they are the same in every job; with more than nine keys colours repeat.
 */
export function distinctColors<T extends { color: string }>(data: readonly T[]): T[] {
  const used = new Set<string>();
  return data.map((datum) => {
    if (datum.color === OTHER_COLOR) return datum;
    const start = Math.max(0, KEY_COLORS.indexOf(datum.color as ChartColor));
    const free = [...KEY_COLORS.slice(start), ...KEY_COLORS.slice(0, start)].find(
      (color) => !used.has(color),
    );
    const color = free ?? datum.color;
    used.add(color);
    return { ...datum, color };
  });
}

/** Turns a snake_case key into a display name: `fixed_income` -> "Fixed Income". */
export function displayName(key: string): string {
  return key
    .split('_')
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats dollars for a description: 90937.5 -> "$90,937.50". */
export function formatDollars(value: number): string {
  return dollars.format(value);
}

/** Shortens a name to fit a chart label, marking the cut with an ellipsis. */
export function fitName(name: string, max = 60): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}
