import { z } from 'zod';

/**
 * How much a retiree spends each year, in today's dollars, with other income (Social Security, pensions):
 * - `constant_real`: the target income every year, rising with inflation (the Trinity-study rule); other
 *   income counts first, so the portfolio supplies only the rest.
 * - `percent_of_portfolio`: `rate` of the portfolio's value at the start of each year, plus other income.
 * - `guardrails`: Guyton & Klinger's (2006) decision rules on the target, with other income counted first:
 *   the target rises with inflation except after a losing year while the spending rate (target over
 *   portfolio) is above its first-year rate; it is cut by 10% when that rate climbs more than 20% above the
 *   first-year rate (while more than 15 years remain) and raised by 10% when it falls more than 20% below.
 * - `vpw`: Bogleheads' variable percentage withdrawal: each year the annuity-due payment that would empty the
 *   portfolio at the end age if it earned the allocation's assumed real return, plus other income (the Bogleheads worksheet's 5.0%
 *   for stocks and 1.9% for bonds): PMT(r, withdrawals left, −1, 0, 1) of the portfolio.
 */
export const SpendingStrategy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant_real') }),
  z.object({ kind: z.literal('percent_of_portfolio'), rate: z.number().gt(0).max(0.5).default(0.04) }),
  z.object({ kind: z.literal('guardrails') }),
  z.object({ kind: z.literal('vpw') }),
]);
export type SpendingStrategy = z.output<typeof SpendingStrategy>;

/** The strategies' names, in the order reports list them. */
export const SPENDING_STRATEGIES = ['constant_real', 'percent_of_portfolio', 'guardrails', 'vpw'] as const;
export type SpendingStrategyKind = (typeof SPENDING_STRATEGIES)[number];

/** Guyton-Klinger: the band around the first-year withdrawal rate, the size of a cut or raise, and the years
 * before the end age in which cuts no longer apply. */
export const GUARDRAIL_BAND = 0.2;
export const GUARDRAIL_STEP = 0.1;
export const GUARDRAIL_LAST_YEARS_WITHOUT_CUTS = 15;

/** Bogleheads VPW real return assumptions by asset class (stocks 5.0%, bonds 1.9%; others mapped, see below). */
export const VPW_REAL_RETURN: Record<string, number> = {
  equity: 0.05,
  real_estate: 0.05,
  alternatives: 0.0345,
  fixed_income: 0.019,
  cash: 0,
  commodities: 0,
};

/** The share of the portfolio VPW withdraws with `remaining` withdrawals left (this one included). */
export function vpwRate(realReturn: number, remaining: number): number {
  if (remaining <= 1) return 1;
  if (realReturn === 0) return 1 / remaining;
  return realReturn / ((1 + realReturn) * (1 - (1 + realReturn) ** -remaining));
}
