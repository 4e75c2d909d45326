import type { AssetClassType } from '@alex/contracts';
import { z } from 'zod';
import { fromCents, toCents } from '../money';
import { weightVector } from '../retirement/cash-flow-plan';
import { type AnnualMarketYear, US_ANNUAL_HISTORY } from '../retirement/history';
import { mappingUsed } from '../retirement/markets/history-mapping';
import { MaxDrawdown, maxDrawdown } from './max-drawdown';
import { realReturns } from './real-returns';
import { extremeYears, ReturnWindow, returnWindow, YearReturn } from './return-statistics';
import { StressReturn, stressReturns } from './stress-periods';

/** Where the default history comes from, stated in every result computed on it. */
const US_HISTORY_SOURCE =
  "Robert Shiller's US series (S&P composite total return, 10-year Treasuries, CPI), January to January";

/** First year of the modern-era window, the start of the Ibbotson/SBBI series most quoted figures use. */
const MODERN_ERA = 1926;

/**
 * Risk and cost figures for a mix, from history. Every return is REAL (deflated by the CPI) and is the mix
 * rebalanced to its weights every January; years run January to January on monthly average prices, so a
 * year's figure differs a little from one measured between December closes.
 */
export const PortfolioRisk = z.object({
  data: z.object({ source: z.string(), first_year: z.number().int(), last_year: z.number().int() }),
  /** The weights used, normalised to sum to 1, for the asset classes held. */
  weights: z.record(z.string(), z.number().min(0).max(1)),
  /** What each held asset class follows in history (the history has only US stocks, bonds and the CPI). */
  mapping: z.record(z.string(), z.string()),
  /** Volatility and mean over the whole table. */
  full_history: ReturnWindow,
  /** The same from 1926 on; null when the table has fewer than two years from then. */
  since_1926: ReturnWindow.nullable(),
  worst_year: YearReturn,
  best_year: YearReturn,
  /** Null when the real wealth index never falls. */
  max_drawdown: MaxDrawdown.nullable(),
  /** Stress periods the table covers in full, in date order. */
  stress_periods: z.array(StressReturn),
  /** The expense ratio and what it costs a year at the portfolio's value; null when not given. */
  cost: z
    .object({
      expense_ratio: z.number().min(0),
      value: z.number().min(0),
      /** value × expense_ratio, in dollars rounded to the cent. */
      annual_cost: z.number().min(0),
    })
    .nullable(),
});
export type PortfolioRisk = z.infer<typeof PortfolioRisk>;

/** Options for `portfolioRisk`. */
export interface PortfolioRiskOptions {
  /** Annual history to use, in year order without gaps (default `US_ANNUAL_HISTORY`, 1871-2022). */
  history?: readonly AnnualMarketYear[];
  /** The portfolio's weighted expense ratio (a fraction a year) and its value in dollars. */
  fees?: { expenseRatio: number; value: number };
}

/**
 * Volatility, mean real return, worst and best year, maximum drawdown with recovery, stress-period returns
 * and the fee cost of `weights` (fractions by asset class, normalised to sum to 1) over history, in real
 * terms. Throws a RangeError for weights that are negative, not finite or sum to 0, negative fees, or a history
 * shorter than two years: callers check for an empty portfolio first.
 */
export function portfolioRisk(
  weights: Partial<Record<AssetClassType, number>>,
  options: PortfolioRiskOptions = {},
): PortfolioRisk {
  const history = options.history ?? US_ANNUAL_HISTORY;
  const entries = Object.entries(weights) as [AssetClassType, number][];
  if (entries.some(([, w]) => !Number.isFinite(w) || w < 0) || !entries.some(([, w]) => w > 0))
    throw new RangeError(
      `weights must be finite, non-negative and not all 0, got ${JSON.stringify(weights)}`,
    );
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const vector = weightVector(weights);
  const years = history.map((year) => year.year);
  const returns = realReturns(history, vector);
  const fullHistory = returnWindow(years, returns);
  if (fullHistory === null) throw new RangeError(`history must have at least two years, got ${years.length}`);
  const { worst, best } = extremeYears(years, returns);
  return {
    data: {
      source: history === US_ANNUAL_HISTORY ? US_HISTORY_SOURCE : 'supplied history',
      first_year: years[0] as number,
      last_year: years.at(-1) as number,
    },
    weights: Object.fromEntries(entries.filter(([, w]) => w > 0).map(([key, w]) => [key, w / total])),
    mapping: mappingUsed(vector),
    full_history: fullHistory,
    since_1926: returnWindow(years, returns, MODERN_ERA),
    worst_year: worst,
    best_year: best,
    max_drawdown: maxDrawdown(years, returns),
    stress_periods: stressReturns(years, returns),
    cost: options.fees ? feeCost(options.fees) : null,
  };
}

function feeCost({ expenseRatio, value }: { expenseRatio: number; value: number }) {
  if (!(expenseRatio >= 0 && value >= 0 && Number.isFinite(expenseRatio) && Number.isFinite(value)))
    throw new RangeError(`fees must be finite and non-negative, got ${expenseRatio} on ${value}`);
  return { expense_ratio: expenseRatio, value, annual_cost: fromCents(toCents(value * expenseRatio)) };
}
