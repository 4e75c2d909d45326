/** A figure no computed fact holds, in the sentence a model might slip it into. */
interface InventedFigure {
  /** What the model does, as a test title says it: "invents a portfolio value". */
  label: string;
  sentence: string;
  /** The figure as the checker names it. */
  figure: string;
  /** What must reach neither the stored text nor the logs once the text is rejected. */
  trace: string;
}

/** An invented portfolio value: no seeded user's facts hold it. */
export const INVENTED_VALUE: InventedFigure = {
  label: 'invents a portfolio value',
  sentence: 'Your portfolio is worth $7,654,321 today.',
  figure: '$7,654,321',
  trace: '7,654,321',
};

/** An invented success rate: no seeded user's simulation gives it. */
export const INVENTED_RATE: InventedFigure = {
  label: 'invents a success rate',
  sentence: 'The plan succeeds in 99.9% of simulated markets.',
  figure: '99.9%',
  trace: '99.9%',
};

/**
 * `it.each` rows for a model text that invents each figure above, built by `withSentence` (the agent's own
 * passing text with the sentence added): the label, the text, why the checker rejects it, and its trace.
 */
export function inventedFigureRows(
  withSentence: (sentence: string) => string,
): Array<[label: string, answer: string, why: string, trace: string]> {
  return [INVENTED_VALUE, INVENTED_RATE].map(({ label, sentence, figure, trace }) => [
    label,
    withSentence(sentence),
    `figures not in the facts: ${figure} (“${sentence}”)`,
    trace,
  ]);
}
