/**
 * Writes src/retirement/history/us-annual-history.json from the shipped Shiller CSV (data/), so the table the
 * retirement engine reads is always the output of deriveAnnualHistory. Run with `pnpm derive:history`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deriveAnnualHistory } from '../src/retirement/history/derive-annual-history';

const CSV_PATH = new URL('../data/shiller-sp500-monthly.csv', import.meta.url);
const OUTPUT_PATH = new URL('../src/retirement/history/us-annual-history.json', import.meta.url);

const SOURCE =
  'Robert Shiller, "U.S. Stock Markets 1871-Present and CAPE Ratio"; ' +
  'data package "s-and-p-500", ODC-PDDL-1.0';
const GENERATED_BY =
  'packages/analytics/scripts/write-us-history.ts from packages/analytics/data/shiller-sp500-monthly.csv ' +
  '(run `pnpm derive:history`): do not edit by hand';

/** Six decimals: a hundredth of a basis point, finer than the monthly source data supports. */
const round = (value: number): string => JSON.stringify(Number(value.toFixed(6)));

const years = deriveAnnualHistory(readFileSync(CSV_PATH, 'utf8'));
// One year a line, spaced as Biome formats it, so a regenerated file differs from the committed one only
// where the data does.
const rows = years.map(
  (y) =>
    `    { "year": ${y.year}, "stocks": ${round(y.stocks)}, "bonds": ${round(y.bonds)}, ` +
    `"inflation": ${round(y.inflation)} }`,
);

const json = `{
  "source": ${JSON.stringify(SOURCE)},
  "generated_by": ${JSON.stringify(GENERATED_BY)},
  "years": [
${rows.join(',\n')}
  ]
}
`;

writeFileSync(OUTPUT_PATH, json);
console.log(
  `wrote ${years.length} years (${years[0]?.year}-${years.at(-1)?.year}) to ${OUTPUT_PATH.pathname}`,
);
