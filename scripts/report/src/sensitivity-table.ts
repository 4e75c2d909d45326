import type { SensitivityResult } from '@alex/contracts';
import { escapeHtml } from './escape-html';
import { formatCount, formatPercent } from './page-format';
import { methodName } from './retirement-names';

function cell(rows: readonly SensitivityResult[], fees: boolean): string {
  const found = rows.find((row) => row.fees === fees);
  return `<td class="num">${found ? formatPercent(found.success_rate) : '—'}</td>`;
}

function methodRow(method: string, rows: readonly SensitivityResult[]): string {
  const paths = Math.max(...rows.map((row) => row.paths));
  const unit = method === 'historical' ? 'windows' : 'paths';
  const label = `${escapeHtml(methodName(method))} <span class="note">${formatCount(paths)} ${unit}</span>`;
  return `<tr><td>${label}</td>${cell(rows, true)}${cell(rows, false)}</tr>`;
}

/** Success rate by method, with the plan's fees and without any: how far the assumptions move the answer. */
export function renderSensitivityTable(sensitivity: readonly SensitivityResult[]): string {
  if (sensitivity.length === 0) return '';
  const methods = [...new Set(sensitivity.map((row) => row.method))];
  const rows = methods.map((method) =>
    methodRow(
      method,
      sensitivity.filter((row) => row.method === method),
    ),
  );
  return [
    '<h3>Success rate by method and fees</h3>',
    '<div class="table-scroll"><table><thead><tr><th>Method</th><th class="num">With fees</th><th class="num">Without fees</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}
