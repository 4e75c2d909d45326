import {
  analyseRetirement,
  prepareRetirement,
  projectRetirement,
  type RetirementInput,
  SimulationMethod,
} from '@alex/analytics';
import { formatSummary, summarize } from './stats';

type Log = (line: string) => void;

/**
 * The reference's retirement loop (pure Python, independent yearly draws, 10,000 paths, age 40 to 95), as
 * measured for issue 10: 19 µs per path here was 2.7× faster than it, so about 51 µs per path. The target
 * for the parametric method is 8× that or better.
 */
const REFERENCE_MICROSECONDS_PER_PATH = 19 * 2.7;

/** test_user_001 at seed prices, at its 70/30 target allocation with the seeded funds' expense ratio. */
const TEST_USER: RetirementInput = {
  startValue: 99_437.5,
  weights: { equity: 0.7, fixed_income: 0.3 },
  currentAge: 40,
  retirementAge: 65,
  annualContribution: 10_000,
  targetIncome: 100_000,
  fees: { expenseRatio: 0.0012 },
};

function timeRuns(runs: number, body: () => void): number[] {
  body();
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    body();
    return performance.now() - started;
  });
}

/** Per-path cost of each method (markets, cash flows and bands), and a full analysis with its solves. */
export function benchRetirement(log: Log): void {
  log('Retirement engine (test_user_001, age 40 to 95, 10,000 paths)');
  for (const method of SimulationMethod.options) {
    const input = { ...TEST_USER, method };
    const model = prepareRetirement(input);
    if (!model.ok) throw new Error(model.error.message);
    const paths = model.value.built.scenarios.paths;
    const samples = timeRuns(10, () => {
      const prepared = prepareRetirement(input);
      if (prepared.ok) projectRetirement(prepared.value);
    });
    const summary = summarize(samples);
    const perPath = (summary.p50 * 1000) / paths;
    const versus =
      method === 'parametric'
        ? `, ${(REFERENCE_MICROSECONDS_PER_PATH / perPath).toFixed(1)}× the reference loop`
        : '';
    log(formatSummary(`  ${method} projection (${paths} paths)`, summary));
    log(`    ${perPath.toFixed(2)} µs per path${versus}`);
  }
  const full = summarize(
    timeRuns(5, () => {
      const result = analyseRetirement(TEST_USER);
      if (!result.ok) throw new Error(result.error.message);
    }),
  );
  log(formatSummary('  full analysis: 4 strategies, 3 solves, 6 sensitivities', full));
}
