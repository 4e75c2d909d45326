import { escapeHtml } from './escape-html';
import { renderInline } from './markdown-inline';
import { readTable, startsTable } from './markdown-table';

/** How to render markdown into a larger page. */
export interface MarkdownOptions {
  /** Added to every heading level, so a report's `#` can sit below the page's own headings (capped at h6). */
  headingOffset?: number;
}

interface Block {
  html: string;
  next: number;
}

type BlockReader = (lines: readonly string[], start: number, offset: number) => Block | null;

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
// Lines are escaped before parsing, so a blockquote marker arrives as `&gt;`.
const QUOTE = /^\s{0,3}&gt;\s?/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

const readFence: BlockReader = (lines, start) => {
  const fence = FENCE.exec(lines[start] ?? '')?.[1];
  if (!fence) return null;
  let end = start + 1;
  while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end += 1;
  return { html: `<pre><code>${lines.slice(start + 1, end).join('\n')}</code></pre>`, next: end + 1 };
};

const readHeading: BlockReader = (lines, start, offset) => {
  const match = HEADING.exec(lines[start] ?? '');
  if (!match) return null;
  const level = Math.min(6, (match[1]?.length ?? 1) + offset);
  return { html: `<h${level}>${renderInline(match[2] ?? '')}</h${level}>`, next: start + 1 };
};

const readRule: BlockReader = (lines, start) =>
  RULE.test(lines[start] ?? '') ? { html: '<hr>', next: start + 1 } : null;

const readQuote: BlockReader = (lines, start, offset) => {
  let next = start;
  while (next < lines.length && QUOTE.test(lines[next] ?? '')) next += 1;
  if (next === start) return null;
  const inner = lines.slice(start, next).map((line) => line.replace(QUOTE, ''));
  return { html: `<blockquote>\n${renderBlocks(inner, offset)}\n</blockquote>`, next };
};

function listItem(line: string | undefined, ordered: boolean): RegExpExecArray | null {
  return (ordered ? ORDERED : BULLET).exec(line ?? '');
}

const readList: BlockReader = (lines, start) => {
  const ordered = ORDERED.test(lines[start] ?? '');
  const first = listItem(lines[start], ordered);
  if (!first) return null;
  const items: string[] = [];
  let next = start;
  while (next < lines.length) {
    const item = listItem(lines[next], ordered);
    if (item) {
      items.push((ordered ? item[2] : item[1]) ?? '');
    } else if (isBlank(lines[next])) {
      // A blank line ends the list unless the next item of the same kind follows it.
      if (!listItem(lines[next + 1], ordered)) break;
    } else if (startsBlock(lines, next)) {
      break;
    } else {
      items[items.length - 1] = `${items.at(-1) ?? ''}\n${(lines[next] ?? '').trim()}`;
    }
    next += 1;
  }
  const tag = ordered ? 'ol' : 'ul';
  const startNumber = ordered ? Number(first[1]) : 1;
  const attribute = startNumber === 1 ? '' : ` start="${startNumber}"`;
  const body = items.map((item) => `<li>${renderInline(item)}</li>`).join('\n');
  return { html: `<${tag}${attribute}>\n${body}\n</${tag}>`, next };
};

const readTableBlock: BlockReader = (lines, start) => readTable(lines, start);

const STRUCTURAL_READERS: BlockReader[] = [
  readFence,
  readHeading,
  readRule,
  readTableBlock,
  readQuote,
  readList,
];

/** True when the line at `index` opens a block other than a paragraph, which ends any paragraph before it. */
function startsBlock(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    BULLET.test(line) ||
    ORDERED.test(line) ||
    startsTable(lines, index)
  );
}

const readParagraph: BlockReader = (lines, start) => {
  let next = start + 1;
  while (next < lines.length && !isBlank(lines[next]) && !startsBlock(lines, next)) next += 1;
  const text = lines
    .slice(start, next)
    .map((line) => line.trim())
    .join('\n');
  return { html: `<p>${renderInline(text)}</p>`, next };
};

function renderBlocks(lines: readonly string[], offset: number): string {
  const html: string[] = [];
  let index = 0;
  while (index < lines.length) {
    if (isBlank(lines[index])) {
      index += 1;
      continue;
    }
    let block: Block | null = null;
    for (const reader of [...STRUCTURAL_READERS, readParagraph]) {
      block = reader(lines, index, offset);
      if (block) break;
    }
    html.push(block?.html ?? '');
    index = Math.max(index + 1, block?.next ?? index + 1);
  }
  return html.join('\n');
}

/**
 * Renders a safe subset of markdown (headings, paragraphs, lists, GFM tables, blockquotes, code, bold, italic,
 * http(s) links as text) to HTML; the source is escaped first, so embedded HTML is shown as text.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const lines = escapeHtml(markdown.replace(/\r\n?/g, '\n')).split('\n');
  return renderBlocks(lines, options.headingOffset ?? 0);
}
