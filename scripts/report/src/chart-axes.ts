import { compactDollars, coord } from './chart-scale';
import { escapeHtml } from './escape-html';

/** Where one tick's grid line runs and where its label sits, given the tick's position on its axis. */
type TickPlacement = (at: number) => {
  line: [number, number, number, number];
  label: [number, number, 'end' | 'middle'];
};

function tickGrid(
  ticks: readonly number[],
  scale: (value: number) => number,
  place: TickPlacement,
  label: (value: number) => string,
): string {
  return ticks
    .map((tick) => {
      const placed = place(scale(tick));
      const [x1, y1, x2, y2] = placed.line;
      const [x, y, anchor] = placed.label;
      return (
        `<line class="grid" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>` +
        `<text class="tick" x="${x}" y="${y}" text-anchor="${anchor}">${escapeHtml(label(tick))}</text>`
      );
    })
    .join('');
}

/** Horizontal grid lines with dollar labels at the left, one per tick, for charts whose values run up the y axis. */
export function horizontalGrid(
  ticks: readonly number[],
  y: (value: number) => number,
  left: number,
  right: number,
  label: (value: number) => string = compactDollars,
): string {
  const place: TickPlacement = (at) => ({
    line: [left, at, right, at],
    label: [left - 6, coord(at + 4), 'end'],
  });
  return tickGrid(ticks, y, place, label);
}

/** Vertical grid lines with dollar labels underneath, for charts whose values run along the x axis. */
export function verticalGrid(
  ticks: readonly number[],
  x: (value: number) => number,
  top: number,
  bottom: number,
): string {
  const place: TickPlacement = (at) => ({ line: [at, top, at, bottom], label: [at, bottom + 16, 'middle'] });
  return tickGrid(ticks, x, place, compactDollars);
}

/** Where evenly spaced categories sit along the x axis, and whether their labels must slant to fit. */
export interface CategoryLayout {
  left: number;
  slot: number;
  slanted: boolean;
  maxChars: number;
  /** Height needed under the plot for the labels. */
  below: number;
}

// Average advance of an 11px sans-serif character, and the slant of crowded labels.
const CHAR_WIDTH = 6.4;
const SLANT = (40 * Math.PI) / 180;

/** Lays out `names` as categories between `minLeft` and `right`, widening the left margin so slanted labels fit. */
export function categoryLayout(names: readonly string[], minLeft: number, right: number): CategoryLayout {
  const roughSlot = (right - minLeft) / Math.max(1, names.length);
  const slanted = roughSlot < 90;
  if (!slanted) {
    const maxChars = Math.max(6, Math.floor(roughSlot / CHAR_WIDTH) - 1);
    return { left: minLeft, slot: roughSlot, slanted, maxChars, below: 30 };
  }
  const maxChars = 16;
  const chars = Math.min(maxChars, Math.max(1, ...names.map((name) => name.length)));
  const length = chars * CHAR_WIDTH;
  // A slanted label ends at its anchor and runs down-left, so the first one needs room before the plot.
  const left = Math.max(minLeft, Math.ceil(length * Math.cos(SLANT) - roughSlot / 2 + 8));
  const slot = (right - left) / Math.max(1, names.length);
  return { left, slot, slanted, maxChars, below: Math.ceil(length * Math.sin(SLANT)) + 28 };
}

/** A category label under the plot at `x`; slanted when the categories are too close to sit side by side. */
export function categoryLabel(x: number, top: number, text: string, slanted: boolean): string {
  const safe = escapeHtml(text);
  if (!slanted) return `<text class="category" x="${x}" y="${top + 14}" text-anchor="middle">${safe}</text>`;
  const y = top + 10;
  return `<text class="category" x="${x}" y="${y}" text-anchor="end" transform="rotate(-40 ${x} ${y})">${safe}</text>`;
}

/** Opens an inline SVG (HTML needs no xmlns) with a fixed coordinate system that scales down to the page width. */
export function svgOpen(width: number, height: number, label: string): string {
  return `<svg class="chart-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">`;
}
