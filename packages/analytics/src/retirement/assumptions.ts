/**
 * Capital-market assumptions for the retirement Monte Carlo: the one place these numbers live.
 *
 * Conventions
 * - Every return is NOMINAL, total return (income reinvested), in USD, before fees and taxes.
 * - `mean` is the ARITHMETIC mean of the one-year return and `volatility` its standard deviation. The
 *   simulation draws each year's gross return 1 + r from a lognormal with exactly this mean and sd
 *   (see market-sampler.ts), so the compound (geometric) growth is lower, roughly mean - volatility² / 2.
 * - Inflation persists and is skewed: x_t = ln(π_t − floor) follows an AR(1),
 *   x_t = m + persistence·(x_{t−1} − m) + log_volatility·z_t, with m set so that π averages `mean` in the long
 *   run; π never reaches the floor, deflation is rare and high-inflation spells last, as in US history. Each
 *   path starts from a draw of the long-run distribution. The shock z_t is correlated with the asset
 *   classes' drivers. The correlation
 *   matrix applies to the normal drivers, i.e. it is the correlation of log gross returns (and of inflation
 *   shocks); for annual volatilities below 20% the arithmetic returns' correlation is within about 0.01 of it.
 *   Real (today's-dollar) figures divide nominal wealth by the cumulative simulated inflation index,
 *   Π(1 + π_t); contributions and withdrawals grow with that same index.
 * - Asset returns are independent from year to year (no momentum or mean reversion).
 *
 * Sources and rationale (long-run annual history, rounded; check against the latest editions before
 * relying on a digit): Ibbotson/Morningstar SBBI (US, 1926 onwards), A. Damodaran's "Historical returns on
 * stocks, bonds and bills" dataset (US, 1928 onwards, NYU Stern), the Dimson–Marsh–Staunton Global
 * Investment Returns Yearbook (world markets, 1900 onwards), FTSE Nareit All Equity REITs (1972 onwards).
 * - equity 10% / 18%: US large caps since 1926/1928 average about 11.5–12% with sd about 19.5–20%; world
 *   equities since 1900 (DMS, USD) about 9.5–10% with sd about 17–18%. We take the world figure: a
 *   US-only history carries survivorship bias and portfolios here are not US-only.
 * - fixed_income 5% / 7%: US 10-year Treasuries since 1928 about 4.5–5% with sd about 7.5–8%;
 *   intermediate governments (SBBI) about 5% with sd about 5.5%; a core bond fund sits between them.
 * - real_estate 9% / 19%: listed REITs since 1972 average about 11–12% with sd about 18–20%, a period of
 *   mostly falling rates; we hold the mean below equity's because REITs are equity with leverage to rates.
 * - commodities 6% / 18%: broad commodity futures indices (total return) since 1970 and gold since 1928
 *   both average roughly 6–8% with sd about 18–25%, with long flat stretches; we take the low end.
 * - cash 3.3% / 1.5%: 3-month T-bills since 1928 average about 3.3%. Their 3% sd across years mostly
 *   measures decades-long rate regimes; with independent yearly draws we use the 1.5% sd of year-on-year
 *   changes in bill yields, and let the cash–inflation correlation carry the regime link.
 * - alternatives 7% / 11%: no reliable long public series (hedge-fund indices start in 1990 and suffer
 *   backfill bias and smoothed prices), so we assume the risk of a 50/50 equity/bond mix.
 * - inflation: fitted by `fitInflationModel` (floor −2%) to the CPI in Shiller's data over 1950-2022, after
 *   the gold standard and the 1940s price controls, whose deflations and spikes the Federal Reserve's era has
 *   not repeated; a test checks these constants against the fit. The model gives deflation in about 3% of
 *   years (history since 1950: 2 of 73) and a 30-year average of 5.4% or more, as 1966-1995 had, in about 4%
 *   of paths; a plain AR(1) on π with the same persistence gave deflation in 11% of years.
 * - correlations: annual-return correlations over the same histories, rounded to a tenth. Stocks and
 *   Treasuries were positively correlated before 2000 and negatively from 2000 to 2021, so +0.1 overall;
 *   bonds lose when inflation surprises upward (-0.3); bills and commodities track inflation (+0.4).
 */
import { AssetClassType } from '@alex/contracts';
import { z } from 'zod';
import { cholesky } from './cholesky';

/** The asset classes the simulation models, in the fixed order used by the correlation matrix. */
export const ASSET_CLASSES = AssetClassType.options;

/** Rows and columns of the correlation matrix: the asset classes, then inflation. */
export const CORRELATION_ORDER = [...ASSET_CLASSES, 'inflation'] as const;
/** A correlated risk factor: an asset class or inflation. */
export type RiskFactor = (typeof CORRELATION_ORDER)[number];

/** Arithmetic annual mean and standard deviation of one nominal return (fractions: 0.07 is 7%). */
export const ReturnAssumption = z.object({
  mean: z.number().gt(-0.5).lt(1),
  volatility: z.number().min(0).max(1),
});
export type ReturnAssumption = z.infer<typeof ReturnAssumption>;

const factorMatrix = z
  .array(z.array(z.number().min(-1).max(1)))
  .length(CORRELATION_ORDER.length, `correlation matrix needs ${CORRELATION_ORDER.length} rows`);

/**
 * Inflation as a shifted-log AR(1): its long-run mean, the floor it never reaches, year-to-year persistence
 * and the sd of each year's shock to ln(π − floor).
 */
export const InflationAssumption = z
  .object({
    mean: z.number().gt(-0.2).lt(0.5),
    floor: z.number().gt(-0.5).lt(0),
    persistence: z.number().min(0).max(0.95),
    log_volatility: z.number().min(0).max(1),
  })
  .refine((inflation) => inflation.mean > inflation.floor, { message: 'mean must be above floor' });
export type InflationAssumption = z.infer<typeof InflationAssumption>;

/** Inflation fixed at `rate` every year (no shocks): for what-ifs and closed-form checks. */
export function fixedInflation(rate: number): InflationAssumption {
  return { mean: rate, floor: Math.min(-0.02, rate - 0.02), persistence: 0, log_volatility: 0 };
}

/** Return, volatility, inflation and correlation assumptions; override any of them by passing a whole set. */
export const CapitalMarketAssumptions = z
  .object({
    returns: z.record(AssetClassType, ReturnAssumption),
    inflation: InflationAssumption,
    correlation: z.object({
      order: z.array(z.string()).refine((order) => order.join() === CORRELATION_ORDER.join(), {
        message: `order must be ${CORRELATION_ORDER.join(', ')}`,
      }),
      matrix: factorMatrix,
    }),
  })
  .superRefine((assumptions, ctx) => {
    const { matrix } = assumptions.correlation;
    matrix.forEach((row, i) => {
      if (row[i] !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['correlation', 'matrix', i, i],
          message: 'diagonal must be 1',
        });
    });
    const factored = cholesky(matrix, CORRELATION_ORDER);
    if (!factored.ok)
      ctx.addIssue({ code: 'custom', path: ['correlation', 'matrix'], message: factored.error });
  });
export type CapitalMarketAssumptions = z.infer<typeof CapitalMarketAssumptions>;

/** The default assumptions (rationale in this file's header); recorded in every simulation's output. */
export const DEFAULT_ASSUMPTIONS: CapitalMarketAssumptions = {
  returns: {
    equity: { mean: 0.1, volatility: 0.18 },
    fixed_income: { mean: 0.05, volatility: 0.07 },
    real_estate: { mean: 0.09, volatility: 0.19 },
    commodities: { mean: 0.06, volatility: 0.18 },
    cash: { mean: 0.033, volatility: 0.015 },
    alternatives: { mean: 0.07, volatility: 0.11 },
  },
  inflation: { mean: 0.035, floor: -0.02, persistence: 0.63, log_volatility: 0.37 },
  correlation: {
    order: [...CORRELATION_ORDER],
    // biome-ignore format: keep the matrix square so it reads as a table
    matrix: [
      // equity  fixed_inc  real_est  commod  cash   altern  inflation
      [ 1.0,     0.1,       0.6,      0.2,    0.0,   0.7,   -0.1], // equity
      [ 0.1,     1.0,       0.2,     -0.1,    0.2,   0.2,   -0.3], // fixed_income
      [ 0.6,     0.2,       1.0,      0.2,    0.0,   0.5,    0.1], // real_estate
      [ 0.2,    -0.1,       0.2,      1.0,    0.1,   0.3,    0.4], // commodities
      [ 0.0,     0.2,       0.0,      0.1,    1.0,   0.0,    0.4], // cash
      [ 0.7,     0.2,       0.5,      0.3,    0.0,   1.0,    0.0], // alternatives
      [-0.1,    -0.3,       0.1,      0.4,    0.4,   0.0,    1.0], // inflation
    ],
  },
};
