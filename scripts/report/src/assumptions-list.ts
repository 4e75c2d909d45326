import { escapeHtml } from './escape-html';
import { formatPercent, keyLabel } from './page-format';

const MAX_DEPTH = 2;
const MAX_LISTED = 10;

type ReturnAssumption = { mean: number; volatility: number };
type PersistentInflation = { mean: number; floor: number; persistence: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isReturnAssumption(value: unknown): value is ReturnAssumption {
  return isRecord(value) && typeof value.mean === 'number' && typeof value.volatility === 'number';
}

function isPersistentInflation(value: unknown): value is PersistentInflation {
  return (
    isRecord(value) &&
    typeof value.mean === 'number' &&
    typeof value.floor === 'number' &&
    typeof value.persistence === 'number'
  );
}

function describeArray(values: readonly unknown[]): string {
  if (values.every(Array.isArray))
    return `${values.length} × ${(values[0] as unknown[] | undefined)?.length ?? 0} values`;
  const simple = values.every((value) => ['string', 'number', 'boolean'].includes(typeof value));
  if (simple && values.length <= MAX_LISTED) return values.map(String).join(', ');
  return `${values.length} values`;
}

function describeScalar(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  if (value === null || value === undefined) return '—';
  return String(value);
}

function item(key: string, value: unknown, depth: number): string {
  const name = escapeHtml(keyLabel(key));
  if (isPersistentInflation(value)) {
    return `<li>${name}: mean ${formatPercent(value.mean)} a year, never below ${formatPercent(value.floor)}, persistence ${describeScalar(value.persistence)} from year to year</li>`;
  }
  if (isReturnAssumption(value)) {
    return `<li>${name}: mean ${formatPercent(value.mean)} a year, volatility ${formatPercent(value.volatility)}</li>`;
  }
  if (Array.isArray(value)) return `<li>${name}: ${escapeHtml(describeArray(value))}</li>`;
  if (isRecord(value)) {
    if (depth >= MAX_DEPTH) return `<li>${name}: ${Object.keys(value).length} settings</li>`;
    return `<li>${name}${renderEntries(value, depth + 1)}</li>`;
  }
  return `<li>${name}: ${escapeHtml(describeScalar(value))}</li>`;
}

function renderEntries(record: Record<string, unknown>, depth: number): string {
  const items = Object.entries(record).map(([key, value]) => item(key, value, depth));
  return `<ul class="assumptions">${items.join('')}</ul>`;
}

/**
 * The simulation's assumptions as a compact nested list: return assumptions as mean and volatility percentages,
 * matrices by size, deeper objects summarised; any shape is accepted, since the contract leaves it open.
 */
export function renderAssumptions(assumptions: Record<string, unknown>): string {
  if (Object.keys(assumptions).length === 0) return '<p class="note">No assumptions were recorded.</p>';
  return renderEntries(assumptions, 0);
}
