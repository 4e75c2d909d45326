import { ASSET_CLASSES, type CapitalMarketAssumptions, CORRELATION_ORDER } from '../assumptions';
import { cholesky } from '../cholesky';
import { SeededRandom } from '../random';

/** Number of asset classes; inflation follows them in `CORRELATION_ORDER`. */
const ASSET_COUNT = ASSET_CLASSES.length;

/**
 * Draws simulated years for the parametric method: AR(1) inflation and, for the active asset classes,
 * correlated lognormal real returns carried into nominal terms by that year's inflation.
 *
 * Only the active factors (asset classes with weight, and inflation) are drawn: the Cholesky factor L of their
 * correlation sub-matrix turns k independent standard normals e into z = L·e with exactly that correlation.
 * Inflation is π_t = floor + exp(x_t) with x_t = m + φ(x_{t−1} − m) + σ·z_π, starting each path from a draw
 * of its long-run law N(m, σ²/(1 − φ²)); m is set so that π averages μ, the assumed mean. Each asset's real gross return is (1 + mᵢ)/(1 + μ)·exp(sᵢzᵢ − sᵢ²/2) with
 * sᵢ² = ln(1 + vᵢ²/(1 + mᵢ)²), and its nominal gross return is that times 1 + π_t. So when inflation
 * averages μ, the nominal return has mean mᵢ and relative spread vᵢ/(1 + mᵢ) as assumed (exactly 1 + mᵢ
 * with vᵢ = 0 and π = μ), while a high-inflation decade raises nominal returns with it, as bills and, over
 * time, stocks and bonds have done; a bond's loss when inflation jumps comes from its correlation with z_π.
 */
export class ParametricSampler {
  private readonly random: SeededRandom;
  /** Indices into `CORRELATION_ORDER` of the active factors; inflation is always last. */
  private readonly factors: Int32Array;
  private readonly lower: Float64Array;
  private readonly realGross: Float64Array;
  private readonly sigma: Float64Array;
  private readonly halfVariance: Float64Array;
  private readonly normals: Float64Array;
  private readonly correlated: Float64Array;
  private readonly logMean: number;
  private readonly floor: number;
  private readonly persistence: number;
  private readonly shockVolatility: number;
  private readonly longRunVolatility: number;
  /** Last year's x = ln(π − floor). */
  private previous: number;

  /** Prepares a sampler for the asset classes whose `active[i]` is true (in `ASSET_CLASSES` order). */
  constructor(assumptions: CapitalMarketAssumptions, seed: number, active: readonly boolean[]) {
    const factors = [...ASSET_CLASSES.keys()].filter((i) => active[i] === true);
    factors.push(ASSET_COUNT);
    const { matrix } = assumptions.correlation;
    const sub = factors.map((i) => factors.map((j) => matrix[i]?.[j] ?? Number.NaN));
    const factored = cholesky(
      sub,
      factors.map((i) => CORRELATION_ORDER[i] ?? '?'),
    );
    // The assumptions schema rejects matrices that are not positive definite, and so their sub-matrices.
    if (!factored.ok) throw new Error(`unvalidated assumptions reached the sampler: ${factored.error}`);
    const k = factors.length;
    this.factors = Int32Array.from(factors);
    this.lower = Float64Array.from(factored.value.flat());
    this.realGross = new Float64Array(k);
    this.sigma = new Float64Array(k);
    this.halfVariance = new Float64Array(k);
    this.normals = new Float64Array(k);
    this.correlated = new Float64Array(k);
    const inflationGross = 1 + assumptions.inflation.mean;
    factors.slice(0, -1).forEach((factor, i) => {
      const { mean, volatility } =
        assumptions.returns[ASSET_CLASSES[factor] as (typeof ASSET_CLASSES)[number]];
      const relative = volatility / (1 + mean);
      const variance = Math.log(1 + relative * relative);
      this.realGross[i] = (1 + mean) / inflationGross;
      this.sigma[i] = Math.sqrt(variance);
      this.halfVariance[i] = variance / 2;
    });
    const { mean, floor, persistence, log_volatility: volatility } = assumptions.inflation;
    this.longRunVolatility = volatility / Math.sqrt(1 - persistence * persistence);
    this.logMean = Math.log(mean - floor) - (this.longRunVolatility * this.longRunVolatility) / 2;
    this.floor = floor;
    this.persistence = persistence;
    this.shockVolatility = volatility;
    this.random = new SeededRandom(seed);
    this.previous = this.logMean;
  }

  /** Starts a new path: last year's inflation becomes a draw from its long-run distribution. */
  startPath(): void {
    this.previous = this.logMean + this.longRunVolatility * this.random.nextNormal();
  }

  /**
   * Fills `assets` (length ASSET_CLASSES, inactive classes untouched) with the next year's gross returns and
   * returns that year's gross inflation 1 + π.
   */
  nextYear(assets: Float64Array): number {
    const { normals, correlated, lower, realGross, sigma, halfVariance, factors } = this;
    const k = factors.length;
    for (let i = 0; i < k; i++) normals[i] = this.random.nextNormal();
    for (let i = 0; i < k; i++) {
      let z = 0;
      const row = i * k;
      for (let j = 0; j <= i; j++) z += (lower[row + j] as number) * (normals[j] as number);
      correlated[i] = z;
    }
    const mean = this.logMean;
    const x =
      mean + this.persistence * (this.previous - mean) + this.shockVolatility * (correlated[k - 1] as number);
    this.previous = x;
    const grossInflation = 1 + this.floor + Math.exp(x);
    for (let i = 0; i < k - 1; i++) {
      const real =
        (realGross[i] as number) *
        Math.exp((sigma[i] as number) * (correlated[i] as number) - (halfVariance[i] as number));
      assets[factors[i] as number] = real * grossInflation;
    }
    return grossInflation;
  }

  /**
   * Draws one whole path: `steps` years written from `offset` into `growth` (Σ wᵢ(1 + rᵢ) with `weights` in
   * `ASSET_CLASSES` order) and `inflation` (1 + π). Same draws as calling `startPath` then `nextYear` per year.
   */
  fillPath(
    weights: Float64Array,
    growth: Float64Array,
    inflation: Float64Array,
    offset: number,
    steps: number,
  ): void {
    this.startPath();
    const { normals, correlated, lower, realGross, sigma, halfVariance, factors, random } = this;
    const k = factors.length;
    const mean = this.logMean;
    const { persistence, floor } = this;
    const shock = this.shockVolatility;
    const assetWeights = Float64Array.from(
      { length: k - 1 },
      (_, i) => weights[factors[i] as number] as number,
    );
    let previous = this.previous;
    for (let step = 0; step < steps; step++) {
      for (let i = 0; i < k; i++) normals[i] = random.nextNormal();
      for (let i = 0; i < k; i++) {
        let z = 0;
        const row = i * k;
        for (let j = 0; j <= i; j++) z += (lower[row + j] as number) * (normals[j] as number);
        correlated[i] = z;
      }
      previous = mean + persistence * (previous - mean) + shock * (correlated[k - 1] as number);
      const grossInflation = 1 + floor + Math.exp(previous);
      let real = 0;
      for (let i = 0; i < k - 1; i++) {
        real +=
          (assetWeights[i] as number) *
          (realGross[i] as number) *
          Math.exp((sigma[i] as number) * (correlated[i] as number) - (halfVariance[i] as number));
      }
      growth[offset + step] = real * grossInflation;
      inflation[offset + step] = grossInflation;
    }
    this.previous = previous;
  }
}
