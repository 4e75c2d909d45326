import { type CapitalMarketAssumptions, CORRELATION_ORDER } from './assumptions';
import { cholesky } from './cholesky';
import { SeededRandom } from './random';

/** Number of correlated factors: the asset classes, then inflation. */
export const FACTOR_COUNT = CORRELATION_ORDER.length;

/**
 * Draws each simulated year's market: correlated lognormal gross returns 1 + rᵢ for every asset class and
 * 1 + π for inflation, in `CORRELATION_ORDER`.
 *
 * With e independent standard normals and L the Cholesky factor of the correlation matrix, z = L·e has that
 * correlation (so the matrix is the correlation of log returns). Then
 *   1 + rᵢ = (1 + mᵢ)·exp(sᵢzᵢ − sᵢ²/2),  sᵢ² = ln(1 + vᵢ² / (1 + mᵢ)²),
 * which is lognormal with arithmetic mean mᵢ and standard deviation vᵢ exactly (E[exp(sZ − s²/2)] = 1 and
 * Var = (1 + m)²(exp(s²) − 1) = v²); with vᵢ = 0 it is exactly 1 + mᵢ. All factors' normals are drawn
 * every year even when some are inactive, so the stream does not depend on which factors are used.
 */
export class MarketSampler {
  private readonly random: SeededRandom;
  private readonly lower: Float64Array;
  private readonly gross = new Float64Array(FACTOR_COUNT);
  private readonly sigma = new Float64Array(FACTOR_COUNT);
  private readonly halfVariance = new Float64Array(FACTOR_COUNT);
  private readonly normals = new Float64Array(FACTOR_COUNT);
  private readonly active: Uint8Array;

  /** Prepares a sampler; `active[i] = false` skips computing factor i (it is left NaN) to save an exp(). */
  constructor(assumptions: CapitalMarketAssumptions, seed: number, active?: readonly boolean[]) {
    const factored = cholesky(assumptions.correlation.matrix, CORRELATION_ORDER);
    // The assumptions schema rejects matrices that are not positive definite, so this is a programming error.
    if (!factored.ok) throw new Error(`unvalidated assumptions reached the sampler: ${factored.error}`);
    this.lower = Float64Array.from(factored.value.flat());
    CORRELATION_ORDER.forEach((factor, i) => {
      const { mean, volatility } =
        factor === 'inflation' ? assumptions.inflation : assumptions.returns[factor];
      const relative = volatility / (1 + mean);
      const variance = Math.log(1 + relative * relative);
      this.gross[i] = 1 + mean;
      this.sigma[i] = Math.sqrt(variance);
      this.halfVariance[i] = variance / 2;
    });
    this.active = Uint8Array.from(CORRELATION_ORDER, (_, i) => (active?.[i] === false ? 0 : 1));
    this.random = new SeededRandom(seed);
  }

  /** Fills `out` (length FACTOR_COUNT) with the next year's gross factors; inactive ones become NaN. */
  nextYear(out: Float64Array): void {
    const { normals, lower, gross, sigma, halfVariance, active } = this;
    for (let i = 0; i < FACTOR_COUNT; i++) normals[i] = this.random.nextNormal();
    for (let i = 0; i < FACTOR_COUNT; i++) {
      if (active[i] === 0) {
        out[i] = Number.NaN;
        continue;
      }
      let z = 0;
      const row = i * FACTOR_COUNT;
      for (let j = 0; j <= i; j++) z += (lower[row + j] as number) * (normals[j] as number);
      out[i] = (gross[i] as number) * Math.exp((sigma[i] as number) * z - (halfVariance[i] as number));
    }
  }
}
