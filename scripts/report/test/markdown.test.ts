import { describe, expect, it } from 'vitest';
import { type MarkdownOptions, renderMarkdown } from '../src/markdown';

interface Case {
  does: string;
  markdown: string;
  html: string;
  options?: MarkdownOptions;
}

const table = (...rows: string[]) =>
  ['<div class="table-scroll"><table>', ...rows, '</table></div>'].join('\n');

const blocks: Case[] = [
  {
    does: 'renders headings one to three',
    markdown: '# One\n## Two\n### Three',
    html: '<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>',
  },
  {
    does: 'shifts headings by the heading offset',
    markdown: '# One\n### Three',
    html: '<h3>One</h3>\n<h5>Three</h5>',
    options: { headingOffset: 2 },
  },
  {
    does: 'caps shifted headings at h6',
    markdown: '##### Five',
    html: '<h6>Five</h6>',
    options: { headingOffset: 3 },
  },
  {
    does: 'renders setext headings, shifted like ATX ones',
    markdown: 'Title\n=====\n\nSub\n---',
    html: '<h3>Title</h3>\n<h4>Sub</h4>',
    options: { headingOffset: 2 },
  },
  {
    does: 'joins consecutive lines into one paragraph and splits paragraphs on blank lines',
    markdown: 'first line\nsecond line\n\nnext',
    html: '<p>first line\nsecond line</p>\n<p>next</p>',
  },
  {
    does: 'renders bullet lists, folding continuation lines into their item',
    markdown: '- one\n- two\n  more',
    html: '<ul>\n<li>one</li>\n<li>two\nmore</li>\n</ul>',
  },
  {
    does: 'starts a new list where the bullet character changes',
    markdown: '- one\n* two',
    html: '<ul>\n<li>one</li>\n</ul>\n<ul>\n<li>two</li>\n</ul>',
  },
  { does: 'renders numbered lists', markdown: '1. a\n2. b', html: '<ol>\n<li>a</li>\n<li>b</li>\n</ol>' },
  {
    does: 'keeps a list start number other than one',
    markdown: '3. c\n4. d',
    html: '<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>',
  },
  {
    does: 'nests indented lists inside their parent item',
    markdown: '- a\n  - b\n    1. c\n- d',
    html: '<ul>\n<li>a\n<ul>\n<li>b\n<ol>\n<li>c</li>\n</ol>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>',
  },
  {
    does: 'ends a paragraph where a list starts',
    markdown: 'Findings:\n- one',
    html: '<p>Findings:</p>\n<ul>\n<li>one</li>\n</ul>',
  },
  {
    does: 'renders a GFM table with column alignment as inline text-align styles',
    markdown: '| Name | Value |\n|:---|---:|\n| Cash | $8,500.00 |',
    html: table(
      '<thead>\n<tr>\n<th style="text-align:left">Name</th>\n<th style="text-align:right">Value</th>\n</tr>\n</thead>',
      '<tbody>\n<tr>\n<td style="text-align:left">Cash</td>\n<td style="text-align:right">$8,500.00</td>\n</tr>\n</tbody>',
    ),
  },
  {
    does: 'renders a table without alignment, an empty first header and an escaped pipe in a cell',
    markdown: '| | Share |\n|---|---|\n| a \\| b | **5%** |',
    html: table(
      '<thead>\n<tr>\n<th></th>\n<th>Share</th>\n</tr>\n</thead>',
      '<tbody>\n<tr>\n<td>a | b</td>\n<td><strong>5%</strong></td>\n</tr>\n</tbody>',
    ),
  },
  {
    does: 'leaves out a table that has a header and no rows',
    markdown: 'Before\n\n| Name | Value |\n|---|---:|\n\nAfter',
    html: '<p>Before</p>\n<p>After</p>',
  },
  {
    does: 'treats piped lines without a separator row as a paragraph',
    markdown: '| a | b |\n| c | d |',
    html: '<p>| a | b |\n| c | d |</p>',
  },
  {
    does: 'renders blockquotes, including block content inside them',
    markdown: '> quoted **text**\n> - item',
    html: '<blockquote>\n<p>quoted <strong>text</strong></p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>',
  },
  {
    does: 'renders rules and fenced code blocks',
    markdown: 'a\n\n---\n\n```ts\nconst x = 1;\n```',
    html: '<p>a</p>\n<hr>\n<pre><code class="language-ts">const x = 1;\n</code></pre>',
  },
];

const inline: Case[] = [
  {
    does: 'renders bold, italic and inline code, leaving code contents unformatted',
    markdown: '**bold** and *italic* and `x *y* z`',
    html: '<p><strong>bold</strong> and <em>italic</em> and <code>x *y* z</code></p>',
  },
  {
    does: 'renders code inside bold',
    markdown: '**see `SPY`**',
    html: '<p><strong>see <code>SPY</code></strong></p>',
  },
  {
    does: 'renders underscore emphasis and strong emphasis',
    markdown: '_x_ and __y__',
    html: '<p><em>x</em> and <strong>y</strong></p>',
  },
  {
    does: 'leaves underscores inside words alone',
    markdown: 'snake_case_name',
    html: '<p>snake_case_name</p>',
  },
  { does: 'leaves arithmetic asterisks alone', markdown: '5 * 3 * 2 = 30', html: '<p>5 * 3 * 2 = 30</p>' },
  {
    does: 'renders http(s) links as their text followed by the URL, never as an anchor',
    markdown: '[docs](https://example.com/a?b=1&c=2)',
    html: '<p>docs (<span class="link-url">https://example.com/a?b=1&amp;c=2</span>)</p>',
  },
  {
    does: 'shows an autolink as its URL once',
    markdown: '<https://example.com/a>',
    html: '<p>https://example.com/a</p>',
  },
  {
    does: 'shows an image as its alt text and URL instead of loading it',
    markdown: '![chart](https://example.com/a.png)',
    html: '<p>!chart (<span class="link-url">https://example.com/a.png</span>)</p>',
  },
];

const hostile: Case[] = [
  {
    does: 'shows a script element as text',
    markdown: '<script>alert(1)</script>',
    html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  },
  {
    does: 'shows a script element as text inside list items and emphasis',
    markdown: '- **<script>alert(1)</script>**',
    html: '<ul>\n<li><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong></li>\n</ul>',
  },
  {
    does: 'drops a javascript: link target, keeping only the link text',
    markdown: '[x](javascript:alert(1))',
    html: '<p>x</p>',
  },
  {
    does: 'drops a data: link target, keeping only the link text',
    markdown: '[y](data:text/html;base64,PHNjcmlwdD4=)',
    html: '<p>y</p>',
  },
  {
    does: 'drops a protocol-relative link target, keeping only the link text',
    markdown: '[z](//evil.example/x)',
    html: '<p>z</p>',
  },
  {
    does: 'drops a javascript: target given by a reference definition',
    markdown: '[x]\n\n[x]: javascript:alert(1)',
    html: '<p>x</p>',
  },
  {
    // A single quote needs no escaping in element content, and every attribute the renderer writes is double-quoted.
    does: 'cannot break out of an attribute or code span with quotes and backticks',
    markdown: '`"><script>` and \'single\' "double"',
    html: "<p><code>&quot;&gt;&lt;script&gt;</code> and 'single' &quot;double&quot;</p>",
  },
  {
    does: 'escapes a quote in a link URL so it cannot end the markup around it',
    markdown: '[a](https://example.com/"onmouseover="x)',
    html: '<p>a (<span class="link-url">https://example.com/%22onmouseover=%22x</span>)</p>',
  },
];

describe.each([
  ['renderMarkdown blocks', blocks],
  ['renderMarkdown inline', inline],
  ['renderMarkdown with hostile input', hostile],
])('%s', (_group, cases) => {
  it.each(cases)('$does', ({ markdown, html, options }) => {
    expect(renderMarkdown(markdown, options)).toBe(html);
  });
});

describe('renderMarkdown with hostile markup in every block', () => {
  it('shows an image with an event handler as text, in headings, lists and table cells too', () => {
    const html = renderMarkdown(
      '# <img src=x onerror=alert(1)>\n- <img src=x onerror=alert(1)>\n\n| a |\n|---|\n| <img src=x onerror=alert(1)> |',
    );
    expect(html).not.toMatch(/<img/i);
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)).toHaveLength(3);
  });
});
