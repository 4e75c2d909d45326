/** Rounds an SVG coordinate to two decimals, which is finer than a pixel and keeps the markup short. */
export function coord(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A linear map from a data domain to a pixel range; a zero-width domain maps everything to the range start. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => coord(span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) that cover [min, max], zero-width ranges included. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const high = max > min ? max : min + 1;
  const rawStep = (high - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep * 0.999) ?? 10 * magnitude;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  // Multiplying integer indices avoids the drift of adding a fractional step repeatedly.
  for (let i = first; i <= last; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

function trimmed(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toLocaleString('en-US');
}

/** Short dollar label for an axis or bar: 1234 -> "$1.2k", -2500000 -> "-$2.5M", 40 -> "$40". */
export function compactDollars(value: number): string {
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  if (size >= 1e9) return `${sign}$${trimmed(size / 1e9, 1)}B`;
  if (size >= 1e6) return `${sign}$${trimmed(size / 1e6, 1)}M`;
  if (size >= 1e3) return `${sign}$${trimmed(size / 1e3, 1)}k`;
  return `${sign}$${trimmed(size, size >= 100 ? 0 : 2)}`;
}

/** Shortens a label to `max` characters, marking the cut with an ellipsis. */
export function fitLabel(name: string, max: number): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}
