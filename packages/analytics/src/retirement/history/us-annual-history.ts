/**
 * The annual US history the retirement engine and the risk figures read, from us-annual-history.json.
 * packages/analytics/scripts/write-us-history.ts generates that file from the shipped Shiller CSV
 * (packages/analytics/data/shiller-sp500-monthly.csv; run `pnpm derive:history`): do not edit it by hand.
 * The method is documented in derive-annual-history.ts.
 *
 * Source: Robert Shiller, "U.S. Stock Markets 1871-Present and CAPE Ratio"; data package "s-and-p-500",
 * ODC-PDDL-1.0.
 */
import { z } from 'zod';
import type { AnnualMarketYear } from './derive-annual-history';
import historyFile from './us-annual-history.json' with { type: 'json' };

// A year's return below −100% can only be a data error.
const Return = z.number().gt(-1);

/** The generated file: its attribution, then one row a year in year order (the tests pin it to the CSV). */
const UsHistoryFile = z.strictObject({
  source: z.string().min(1),
  generated_by: z.string().min(1),
  years: z.array(
    z.strictObject({ year: z.number().int(), stocks: Return, bonds: Return, inflation: Return }),
  ),
});

/** US stocks, 10-year government bonds and CPI inflation, January to January, 1871-2022, nominal fractions. */
export const US_ANNUAL_HISTORY: readonly AnnualMarketYear[] = UsHistoryFile.parse(historyFile).years;
