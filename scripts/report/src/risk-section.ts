import { formatDollars } from '@alex/analytics';
import { z } from 'zod';
import { escapeHtml } from './escape-html';
import { formatFeePercent, formatPercent } from './page-format';

const signed = (fraction: number) => `${fraction >= 0 ? '+' : ''}${formatPercent(fraction)}`;

/** The part of the reporter's stored risk figures the page shows; anything else is ignored. */
const StoredRisk = z.object({
  data: z.object({ first_year: z.number(), last_year: z.number() }),
  full_history: z.object({ volatility: z.number(), mean_real_return: z.number() }),
  worst_year: z.object({ year: z.number(), real_return: z.number() }),
  max_drawdown: z
    .object({
      drawdown: z.number(),
      peak_year: z.number(),
      trough_year: z.number(),
      recovery_year: z.number().nullable(),
    })
    .nullable(),
  stress_periods: z.array(z.object({ id: z.string(), name: z.string(), real_return: z.number() })),
  cost: z.object({ expense_ratio: z.number(), annual_cost: z.number() }).nullable(),
});

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${escapeHtml(value)}</td></tr>`;
}

/**
 * The current mix's risk and cost from history, as the reporter stored them in `report_payload.risk`; empty
 * when absent or unreadable (older payloads, nothing classified).
 */
export function renderRiskSection(stored: unknown): string {
  const parsed = StoredRisk.safeParse(stored);
  if (!parsed.success) return '';
  const risk = parsed.data;
  const drawdown = risk.max_drawdown;
  const rows = [
    row('Volatility (a year)', formatPercent(risk.full_history.volatility)),
    row('Average real return (a year)', formatPercent(risk.full_history.mean_real_return)),
    row(`Worst year (${risk.worst_year.year})`, signed(risk.worst_year.real_return)),
    ...(drawdown
      ? [
          row(
            `Largest fall (${drawdown.peak_year}-${drawdown.trough_year}${drawdown.recovery_year === null ? ', not recovered' : `, recovered ${drawdown.recovery_year}`})`,
            signed(drawdown.drawdown),
          ),
        ]
      : []),
    ...risk.stress_periods.map((period) => row(`${period.id}: ${period.name}`, signed(period.real_return))),
    ...(risk.cost
      ? [
          row(
            `Fund costs (${formatFeePercent(risk.cost.expense_ratio)} a year)`,
            `${formatDollars(risk.cost.annual_cost)} a year`,
          ),
        ]
      : []),
  ];
  return [
    '<section id="risk"><h2>Risk and cost</h2>',
    `<p class="note">Your current mix in US market history ${risk.data.first_year}-${risk.data.last_year}, after inflation, rebalanced yearly.</p>`,
    `<div class="table-scroll"><table><tbody>${rows.join('')}</tbody></table></div>`,
    '</section>',
  ].join('\n');
}
