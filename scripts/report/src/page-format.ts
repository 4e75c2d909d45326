import { escapeHtml } from './escape-html';

/** An ISO timestamp as "2025-03-01 14:05:09 UTC" (independent of the machine's zone); unparseable text is shown as given. */
export function formatTimestamp(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A fraction as a percentage with one decimal: 0.8234 -> "82.3%". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A count with en-US thousands separators: 10000 -> "10,000". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** A snake_case or camelCase key as a label: "fixed_income" -> "Fixed income". */
export function keyLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A coloured badge for a status word (completed, failed, skipped, ...); the word is escaped. */
export function statusBadge(status: string): string {
  const tone = /^(completed|complete|succeeded)$/.test(status)
    ? 'good'
    : /^(failed)$/.test(status)
      ? 'bad'
      : /^(partial|skipped|running|pending)$/.test(status)
        ? 'warn'
        : 'neutral';
  return `<span class="badge ${tone}">${escapeHtml(status)}</span>`;
}

/** The block shown in place of a section whose payload is missing or invalid. */
export function notAvailable(what: string, reason: string): string {
  return `<div class="not-available"><strong>${escapeHtml(what)} not available:</strong> ${escapeHtml(reason)}.</div>`;
}

/** Whole dollars with thousands separators: 40157.4 -> "$40,157". */
export function formatWholeDollars(value: number): string {
  return `$${Math.round(value).toLocaleString('en-US')}`;
}

/** A yearly fee fraction as a percent with two decimals: 0.0012 -> "0.12%". */
export function formatFeePercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

/** Dollars of model cost: four decimals under a dollar ("$0.0015"), else cents ("$12.35"); "unpriced" for null. */
export function formatUsd(dollars: number | null): string {
  if (dollars === null) return 'unpriced';
  if (dollars === 0) return '$0';
  if (dollars < 0.0001) return '<$0.0001';
  return dollars < 0.99995 ? `$${dollars.toFixed(4)}` : `$${dollars.toFixed(2)}`;
}

/** A job's cost in one line: "$0.0123 (planner $0.0010, reporter $0.0080, …)", or why it is not known. */
export function costLine(
  cost:
    | { total_usd: number | null; by_agent: Record<string, number | null>; unpriced_models: string[] }
    | undefined,
): string {
  if (!cost) return 'not recorded (job written before costs)';
  const agents = Object.entries(cost.by_agent)
    .map(([agent, dollars]) => `${agent} ${formatUsd(dollars)}`)
    .join(', ');
  const unpriced =
    cost.unpriced_models.length > 0
      ? `; no price for ${cost.unpriced_models.join(', ')} (set MODEL_PRICES)`
      : '';
  return `${formatUsd(cost.total_usd)}${agents ? ` (${agents})` : ''}${unpriced}`;
}
