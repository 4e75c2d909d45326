import type { AnnualMarketYear } from './derive-annual-history';

/** Fewest years of inflation an AR(1) fit accepts: fewer leave the slope and residual sd meaningless. */
const MIN_FIT_YEARS = 10;

/** An AR(1) model of annual inflation, π_t = mean + persistence (π_{t-1} - mean) + ε_t, fitted over a range. */
export interface InflationAr1Fit {
  /** Long-run mean inflation, intercept / (1 - persistence), as a fraction. */
  mean: number;
  /** Slope of this year's inflation on last year's. */
  persistence: number;
  /** Standard deviation of the innovations ε_t (residual sd, n - 2 degrees of freedom). */
  innovationVolatility: number;
  /** First and last year of the range the fit was asked for. */
  from: number;
  to: number;
}

/**
 * Fits an AR(1) to the inflation of the years in `range` (inclusive) by ordinary least squares of π_t on
 * π_{t-1}; a year enters as π_t only when the year before it is in the range too.
 */
export function fitInflationAr1(
  years: readonly AnnualMarketYear[],
  range: { from: number; to: number },
): InflationAr1Fit {
  const inRange = years.filter((y) => y.year >= range.from && y.year <= range.to);
  if (inRange.length < MIN_FIT_YEARS) {
    throw new RangeError(
      `need at least ${MIN_FIT_YEARS} years of inflation to fit an AR(1), got ${inRange.length} in ${range.from}-${range.to}`,
    );
  }
  const byYear = new Map(inRange.map((y) => [y.year, y.inflation]));
  const pairs = inRange.flatMap((y) => {
    const previous = byYear.get(y.year - 1);
    return previous === undefined ? [] : [{ x: previous, y: y.inflation }];
  });
  const n = pairs.length;
  const meanX = pairs.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = pairs.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = pairs.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const sxy = pairs.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const persistence = sxy / sxx;
  const intercept = meanY - persistence * meanX;
  const squaredResiduals = pairs.reduce((sum, p) => sum + (p.y - intercept - persistence * p.x) ** 2, 0);
  return {
    mean: intercept / (1 - persistence),
    persistence,
    innovationVolatility: Math.sqrt(squaredResiduals / (n - 2)),
    from: range.from,
    to: range.to,
  };
}

/**
 * Inflation as the parametric method simulates it: ln(π − floor) follows an AR(1), so π never falls to the
 * floor, deflation is rare and high-inflation spells are long, as in US history. `mean` is the long-run mean
 * of π the fitted model implies.
 */
export interface InflationModelFit {
  mean: number;
  floor: number;
  persistence: number;
  /** Standard deviation of each year's shock to ln(π − floor). */
  logVolatility: number;
  from: number;
  to: number;
}

/** Fits the shifted-log AR(1) to the inflation of the years in `range` (every year's π must be above `floor`). */
export function fitInflationModel(
  years: readonly AnnualMarketYear[],
  range: { from: number; to: number },
  floor: number,
): InflationModelFit {
  const logged = years.map((year) => {
    if (year.inflation <= floor && year.year >= range.from && year.year <= range.to)
      throw new RangeError(`inflation in ${year.year} (${year.inflation}) is not above the floor ${floor}`);
    return { ...year, inflation: Math.log(Math.max(year.inflation - floor, Number.MIN_VALUE)) };
  });
  const fit = fitInflationAr1(logged, range);
  return {
    mean: logNormalMean(fit.mean, fit.persistence, fit.innovationVolatility) + floor,
    floor,
    persistence: fit.persistence,
    logVolatility: fit.innovationVolatility,
    from: fit.from,
    to: fit.to,
  };
}

/** E[exp(x)] for a stationary AR(1) x with mean `mean`, slope `persistence` and shock sd `volatility`. */
function logNormalMean(mean: number, persistence: number, volatility: number): number {
  return Math.exp(mean + (volatility * volatility) / (2 * (1 - persistence * persistence)));
}
