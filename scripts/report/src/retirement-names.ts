import { formatPercent } from './page-format';

const METHOD_NAMES: Record<string, string> = {
  parametric: 'Parametric (simulated markets)',
  historical: 'Historical (rolling windows)',
  bootstrap: 'Bootstrap (resampled history)',
};

/** A simulation method's readable name; an unknown one is shown as stored. */
export function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}

/** A spending strategy's readable name, with its rate when it has one. */
export function strategyName(strategy: { kind: string; rate?: unknown }): string {
  switch (strategy.kind) {
    case 'constant_real':
      return 'Constant real (target rising with inflation)';
    case 'percent_of_portfolio':
      return typeof strategy.rate === 'number'
        ? `${formatPercent(strategy.rate)} of the portfolio each year`
        : 'Percent of the portfolio each year';
    case 'guardrails':
      return 'Guardrails (Guyton-Klinger)';
    case 'vpw':
      return 'Variable percentage withdrawal (VPW)';
    default:
      return strategy.kind;
  }
}
