import { z } from 'zod';

/** The named market stress periods the risk figures report, each a run of whole history years. */
const STRESS_PERIODS = [
  { id: '1973-1974', name: 'Oil shock and stagflation', from: 1973, to: 1974 },
  { id: '2000-2002', name: 'Dot-com crash', from: 2000, to: 2002 },
  { id: '2008', name: 'Global financial crisis', from: 2008, to: 2008 },
  { id: '2022', name: 'Inflation and rate rises', from: 2022, to: 2022 },
] as const;

/** The mix's cumulative real return over one stress period, Π(1 + r) − 1 over its years. */
export const StressReturn = z.object({
  id: z.string(),
  name: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  real_return: z.number(),
});
export type StressReturn = z.infer<typeof StressReturn>;

/** The cumulative real return in each stress period the history covers in full; the others are left out. */
export function stressReturns(years: readonly number[], returns: Float64Array): StressReturn[] {
  return STRESS_PERIODS.flatMap((period) => {
    let growth = 1;
    for (let year = period.from; year <= period.to; year++) {
      const i = years.indexOf(year);
      if (i === -1) return [];
      growth *= 1 + (returns[i] as number);
    }
    return [{ ...period, real_return: growth - 1 }];
  });
}
