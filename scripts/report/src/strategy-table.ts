import type { StrategyResult } from '@alex/contracts';
import { escapeHtml } from './escape-html';
import { formatPercent, formatWholeDollars } from './page-format';
import { strategyName } from './retirement-names';

function row(result: StrategyResult, planKind: string | undefined): string {
  const name = escapeHtml(strategyName(result.strategy));
  const marked = result.strategy.kind === planKind ? `${name} <span class="note">(the plan's)</span>` : name;
  return [
    `<tr><td>${marked}</td>`,
    `<td class="num">${formatPercent(result.success_rate)}</td>`,
    `<td class="num">${formatPercent(result.target_met_rate)}</td>`,
    `<td class="num">${formatWholeDollars(result.spending.annual.p50)}</td>`,
    `<td class="num">${formatWholeDollars(result.spending.lowest_year.p50)}</td></tr>`,
  ].join('');
}

/** The spending strategies side by side on the same markets: success, target met, and the spending each delivers. */
export function renderStrategyTable(strategies: readonly StrategyResult[], planKind?: string): string {
  if (strategies.length === 0) return '';
  const head =
    '<tr><th>Strategy</th><th class="num">Money lasts</th><th class="num">Target met every year</th><th class="num">Median yearly spending</th><th class="num">Median leanest year</th></tr>';
  return [
    '<h3>Spending strategies</h3>',
    `<div class="table-scroll"><table><thead>${head}</thead><tbody>${strategies.map((result) => row(result, planKind)).join('')}</tbody></table></div>`,
    '<p class="note">Spending in today\'s dollars, other income included; the leanest year is each path\'s lowest year of spending.</p>',
  ].join('');
}
