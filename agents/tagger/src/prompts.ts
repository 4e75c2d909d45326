import { QUOTED_DATA_RULE, quoteUntrusted, type TaggerInstrument } from '@alex/contracts';

/** The tagger's standing instructions. */
export const TAGGER_INSTRUCTIONS = `You classify financial instruments for portfolio look-through analysis.
For the instrument given, return its instrument type and three allocation breakdowns in percent:
asset class, region and sector. Each breakdown must sum to exactly 100; use 0 for categories that do not apply.
Base the breakdown on the instrument's published holdings as you know them. Do not estimate prices.
${QUOTED_DATA_RULE}`;

/** The task for one instrument: its symbol and name, quoted as data. */
export function taggerTask(instrument: TaggerInstrument): string {
  return `Classify the instrument with symbol ${quoteUntrusted(instrument.symbol, 20)} and name ${quoteUntrusted(instrument.name)}.`;
}
