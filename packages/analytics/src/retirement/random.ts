/**
 * Seeded randomness for the retirement simulation.
 *
 * The generator is xoshiro128** (Blackman & Vigna, 2018): 128 bits of state, period 2^128 - 1, and only
 * 32-bit integer operations (`Math.imul`, shifts, xor), so the uniform stream is bit-identical on every
 * platform. The 4 state words are filled from the seed with splitmix32, which also guarantees a non-zero
 * state. Normals use a 128-layer ziggurat (about 99% of draws cost one 32-bit word and a multiply). Its
 * tables and rare slow paths use `Math.exp`, `Math.log` and `Math.sqrt`; V8 computes exp and log with its
 * fdlibm port and sqrt is exact in IEEE 754, so a Node run repeats exactly on any machine.
 */

/** 2^-53, the spacing of the doubles produced by `nextFloat`. */
const TWO_POW_MINUS_53 = 1 / 9_007_199_254_740_992;

/** 2^-24, the spacing of a ziggurat position. */
const TWO_POW_MINUS_24 = 1 / 16_777_216;

/** Right edge of the ziggurat's base layer and the area of each of its 128 layers (Marsaglia & Tsang, 2000). */
const ZIGGURAT_R = 3.442619855899;
const ZIGGURAT_AREA = 9.91256303526217e-3;

/**
 * Layer edges of the ziggurat under f(x) = exp(-x²/2): layer i covers [0, LAYER_X[i]) × [LAYER_F[i],
 * LAYER_F[i + 1]], where LAYER_F = f(LAYER_X). LAYER_X[0] is the base layer's virtual width (area / f(R))
 * and LAYER_X[128] = 0 is the peak.
 */
const LAYER_X = new Float64Array(129);
const LAYER_F = new Float64Array(129);
LAYER_X[0] = ZIGGURAT_AREA / Math.exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
LAYER_X[1] = ZIGGURAT_R;
for (let i = 1; i < 127; i++) {
  const x = LAYER_X[i] as number;
  LAYER_X[i + 1] = Math.sqrt(-2 * Math.log(ZIGGURAT_AREA / x + Math.exp(-0.5 * x * x)));
}
for (let i = 0; i < 129; i++) {
  const x = LAYER_X[i] as number;
  LAYER_F[i] = Math.exp(-0.5 * x * x);
}

/** Largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/** A deterministic xoshiro128** stream of uniform integers, uniform doubles and standard normals. */
export class SeededRandom {
  // Int32Array keeps the state unboxed: plain number fields above 2^30 would allocate a heap number per step.
  private readonly state = new Int32Array(4);

  /** Seeds the stream from an unsigned 32-bit integer; equal seeds give equal streams. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}], got ${seed}`);
    }
    let state = seed | 0;
    const next = (): number => {
      // splitmix32: a full-avalanche mix of a Weyl sequence.
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    const words = this.state;
    for (let i = 0; i < 4; i++) words[i] = next();
    if (words.every((word) => word === 0)) words[0] = 1;
  }

  /** Returns the next unsigned 32-bit integer of the stream. */
  nextUint32(): number {
    const words = this.state;
    const s0 = words[0] as number;
    const s1 = words[1] as number;
    const s2 = (words[2] as number) ^ s0;
    const s3 = (words[3] as number) ^ s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    words[0] = s0 ^ s3;
    words[1] = s1 ^ s2;
    words[2] = s2 ^ (s1 << 9);
    words[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Returns a uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67_108_864 + low) * TWO_POW_MINUS_53;
  }

  /** Returns a standard normal draw (mean 0, variance 1) by the ziggurat method. */
  nextNormal(): number {
    for (;;) {
      // One 32-bit word: 7 bits pick the layer, 1 bit the sign, 24 bits the position within the layer,
      // so layer and value never share bits (the flaw Doornik (2005) found in the original ziggurat).
      const bits = this.nextUint32();
      const layer = bits & 127;
      const x = (bits >>> 8) * TWO_POW_MINUS_24 * (LAYER_X[layer] as number);
      const sign = bits & 128 ? -1 : 1;
      if (x < (LAYER_X[layer + 1] as number)) return sign * x;
      if (layer === 0) return sign * this.normalTail();
      const floor = LAYER_F[layer] as number;
      const y = floor + ((LAYER_F[layer + 1] as number) - floor) * this.nextFloat();
      if (y < Math.exp(-0.5 * x * x)) return sign * x;
    }
  }

  /** Draws from the normal tail beyond ZIGGURAT_R (Marsaglia, 1964). */
  private normalTail(): number {
    for (;;) {
      const a = -Math.log(1 - this.nextFloat()) / ZIGGURAT_R;
      const b = -Math.log(1 - this.nextFloat());
      if (2 * b >= a * a) return ZIGGURAT_R + a;
    }
  }
}
