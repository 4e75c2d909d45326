import { z } from 'zod';
import { escapeHtml } from './escape-html';
import { formatFeePercent, formatPercent, formatWholeDollars, keyLabel } from './page-format';
import { methodName, strategyName } from './retirement-names';

const OtherIncome = z.object({
  name: z.string(),
  annual_amount: z.number(),
  start_age: z.number(),
  end_age: z.number().nullable(),
  inflation_adjusted: z.boolean(),
});

/**
 * The plan as this page reads it from `simulation.plan`, which the contract leaves an open record: the
 * strategy is kept loose so a strategy added later still shows by its stored name.
 */
const StoredPlan = z.object({
  start_value: z.number(),
  weights: z.record(z.string(), z.number()),
  current_age: z.number(),
  retirement_age: z.number(),
  end_age: z.number(),
  annual_contribution: z.number(),
  target_income: z.number(),
  other_income: z.array(OtherIncome),
  fees: z.object({ expense_ratio: z.number(), advisory_fee: z.number() }),
  strategy: z.object({ kind: z.string(), rate: z.number().optional() }).loose(),
});
export type StoredPlan = z.infer<typeof StoredPlan>;

/** The stored plan, or null when there is none (payloads before engine v2) or it is not in the expected shape. */
export function readPlan(plan: unknown): StoredPlan | null {
  const parsed = StoredPlan.safeParse(plan);
  return parsed.success ? parsed.data : null;
}

function allocation(weights: StoredPlan['weights']): string {
  const parts = Object.entries(weights)
    .filter(([, weight]) => weight > 0)
    .map(([assetClass, weight]) => `${escapeHtml(keyLabel(assetClass))} ${formatPercent(weight)}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

function otherIncome(stream: StoredPlan['other_income'][number]): string {
  const until = stream.end_age === null ? 'for life' : `to ${stream.end_age}`;
  const indexing = stream.inflation_adjusted ? 'rising with inflation' : 'fixed in dollars';
  return `<li>${escapeHtml(stream.name)}: ${formatWholeDollars(stream.annual_amount)} a year from age ${stream.start_age} ${until}, ${indexing}</li>`;
}

function otherIncomeItem(streams: StoredPlan['other_income']): string {
  if (streams.length === 0) return '<li>Other income: none</li>';
  return `<li>Other income<ul class="assumptions">${streams.map(otherIncome).join('')}</ul></li>`;
}

/** What to say about the method: its readable name and, when stored, why it is the headline. */
function methodItem(method: string | undefined, reason: string | undefined): string[] {
  if (method === undefined) return [];
  const why = reason === undefined ? '' : ` <span class="note">${escapeHtml(reason)}</span>`;
  return [`<li>Method: ${escapeHtml(methodName(method))}.${why}</li>`];
}

/** The "Plan simulated" list: allocation, ages, money in and out, other income, fees, strategy and method. */
export function renderPlan(plan: StoredPlan, method?: string, methodReason?: string): string {
  const items = [
    `<li>Allocation: ${allocation(plan.weights)}</li>`,
    `<li>Ages: now ${plan.current_age}, retiring at ${plan.retirement_age}, planned to ${plan.end_age}</li>`,
    `<li>Starting portfolio: ${formatWholeDollars(plan.start_value)}</li>`,
    `<li>Contribution: ${formatWholeDollars(plan.annual_contribution)} a year until retirement</li>`,
    `<li>Target income: ${formatWholeDollars(plan.target_income)} a year in retirement, other income included</li>`,
    otherIncomeItem(plan.other_income),
    `<li>Fees: expense ratio ${formatFeePercent(plan.fees.expense_ratio)}, advisory fee ${formatFeePercent(plan.fees.advisory_fee)} a year</li>`,
    `<li>Spending strategy: ${escapeHtml(strategyName(plan.strategy))}</li>`,
    ...methodItem(method, methodReason),
  ];
  return `<h3>Plan simulated</h3><p class="note">Amounts in today's dollars.</p><ul class="assumptions">${items.join('')}</ul>`;
}
