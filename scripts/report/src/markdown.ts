import MarkdownIt, { type RendererRule, type StateCore } from 'markdown-it';
import { escapeHtml } from './escape-html';

/** How to render markdown into a larger page. */
export interface MarkdownOptions {
  /** Added to every heading level, so a report's `#` can sit below the page's own headings (capped at h6). */
  headingOffset?: number;
}

const WEB_URL = /^https?:\/\/\S+$/i;

// `html: false` escapes raw HTML in model-written text instead of passing it through.
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

// Every link target is parsed, so a rejected one (javascript:, data:) cannot survive as literal markdown text;
// the renderer below decides what, if anything, of the target is shown.
markdown.validateLink = () => true;
// Images would load a remote resource; `![a](b)` falls back to `!` and a link.
markdown.disable('image');

function shiftHeadings(state: StateCore): void {
  const offset = Number(state.env.headingOffset ?? 0);
  for (const token of state.tokens) {
    if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + offset)}`;
  }
}
markdown.core.ruler.push('heading_offset', shiftHeadings);

/** Drops every table without a body row (a header-only table says nothing) and marks the rest for wrapping. */
function dropHeaderOnlyTables(state: StateCore): void {
  const kept: typeof state.tokens = [];
  let table: typeof state.tokens | null = null;
  for (const token of state.tokens) {
    if (token.type === 'table_open') table = [];
    if (table === null) {
      kept.push(token);
      continue;
    }
    table.push(token);
    if (token.type !== 'table_close') continue;
    if (table.some((part) => part.type === 'td_open')) kept.push(...table);
    table = null;
  }
  state.tokens = kept;
}
markdown.core.ruler.push('header_only_tables', dropHeaderOnlyTables);

// A wide table scrolls inside its own box instead of widening the page on a phone.
markdown.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
markdown.renderer.rules.table_close = () => '</table></div>\n';

// Links are never made clickable: the page is read offline, and a model-written href is a risk with no benefit.
const linkOpen: RendererRule = () => '';

const linkClose: RendererRule = (tokens, index) => {
  const open = tokens.findLast((token, at) => at < index && token.type === 'link_open');
  const href = open?.attrGet('href');
  // An autolink's text is already its URL; any other web link shows its URL after the text; the rest, text only.
  if (open?.markup === 'autolink' || typeof href !== 'string' || !WEB_URL.test(href)) return '';
  return ` (<span class="link-url">${escapeHtml(href)}</span>)`;
};

markdown.renderer.rules.link_open = linkOpen;
markdown.renderer.rules.link_close = linkClose;

/**
 * Renders CommonMark with GFM tables and strikethrough to HTML: raw HTML is escaped, links become their text
 * followed by an http(s) URL (other targets are dropped), and images are not loaded.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return markdown.render(source, { headingOffset: options.headingOffset ?? 0 }).trimEnd();
}
