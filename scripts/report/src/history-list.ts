import { z } from 'zod';
import { escapeHtml } from './escape-html';
import { keyLabel } from './page-format';

/** Where a historical or bootstrap result's years came from, read leniently from the open `history` record. */
const StoredHistory = z.object({
  source: z.string().optional(),
  first_year: z.number().optional(),
  last_year: z.number().optional(),
  block_years: z.number().nullable().optional(),
  mapping: z.record(z.string(), z.string()).optional(),
});

function years(history: z.infer<typeof StoredHistory>): string[] {
  if (history.first_year === undefined || history.last_year === undefined) return [];
  return [`<li>Years: ${history.first_year}–${history.last_year}</li>`];
}

function sampling(blockYears: number | null | undefined): string[] {
  if (blockYears === undefined) return [];
  if (blockYears === null) return ['<li>Sampling: every rolling window of consecutive years</li>'];
  return [`<li>Sampling: blocks of ${blockYears} consecutive years drawn at random</li>`];
}

function mapping(entries: Record<string, string> | undefined): string[] {
  if (entries === undefined || Object.keys(entries).length === 0) return [];
  const items = Object.entries(entries).map(
    ([assetClass, follows]) => `<li>${escapeHtml(keyLabel(assetClass))}: ${escapeHtml(follows)}</li>`,
  );
  return [`<li>Asset classes simulated as<ul class="assumptions">${items.join('')}</ul></li>`];
}

/** The historical data behind a historical or bootstrap result: source, years, block size and asset-class mapping. */
export function renderHistory(history: unknown): string {
  const parsed = StoredHistory.safeParse(history);
  if (!parsed.success) return '<p class="note">No assumptions were recorded.</p>';
  const items = [
    ...(parsed.data.source === undefined ? [] : [`<li>Source: ${escapeHtml(parsed.data.source)}</li>`]),
    ...years(parsed.data),
    ...sampling(parsed.data.block_years),
    ...mapping(parsed.data.mapping),
  ];
  if (items.length === 0) return '<p class="note">No assumptions were recorded.</p>';
  return `<ul class="assumptions">${items.join('')}</ul>`;
}
