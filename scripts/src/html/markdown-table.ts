import { renderInline } from './markdown-inline';

type Alignment = 'left' | 'right' | 'center' | null;

const SEPARATOR_CELL = /^:?-+:?$/;

const isRow = (line = '') => line.includes('|') && line.trim() !== '';

/** Splits a table row into trimmed cells, dropping the outer pipes and honouring `\|` as a literal pipe. */
function splitRow(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function alignments(separator: string): Alignment[] | null {
  if (!separator.includes('|')) return null;
  const cells = splitRow(separator);
  if (!cells.every((cell) => SEPARATOR_CELL.test(cell))) return null;
  return cells.map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    if (left && right) return 'center';
    if (right) return 'right';
    return left ? 'left' : null;
  });
}

function renderRow(cells: string[], tag: 'th' | 'td', align: Alignment[]): string {
  const html = align.map((alignment, i) => {
    const style = alignment ? ` style="text-align:${alignment}"` : '';
    return `<${tag}${style}>${renderInline(cells[i] ?? '')}</${tag}>`;
  });
  return `<tr>${html.join('')}</tr>`;
}

/** True when `lines[start]` opens a GFM table: a piped header row followed by a `|---|` separator row. */
export function startsTable(lines: readonly string[], start: number): boolean {
  const header = lines[start];
  const separator = lines[start + 1];
  if (header === undefined || separator === undefined || !header.includes('|')) return false;
  const align = alignments(separator);
  return align !== null && align.length === splitRow(header).length;
}

/** Renders the GFM table at `start` (escaped lines) and returns its HTML with the index of the line after it. */
export function readTable(lines: readonly string[], start: number): { html: string; next: number } | null {
  if (!startsTable(lines, start)) return null;
  const align = alignments(lines[start + 1] ?? '') ?? [];
  const body: string[] = [];
  let next = start + 2;
  while (isRow(lines[next])) {
    body.push(renderRow(splitRow(lines[next] ?? ''), 'td', align));
    next += 1;
  }
  const head = `<thead>\n${renderRow(splitRow(lines[start] ?? ''), 'th', align)}\n</thead>`;
  const tbody = body.length > 0 ? `\n<tbody>\n${body.join('\n')}\n</tbody>` : '';
  return { html: `<table>\n${head}${tbody}\n</table>`, next };
}
