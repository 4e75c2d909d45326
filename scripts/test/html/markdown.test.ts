import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/html/markdown';

describe('renderMarkdown', () => {
  it('renders headings one to three, shifted by the heading offset and capped at h6', () => {
    expect(renderMarkdown('# One\n## Two\n### Three')).toBe('<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>');
    expect(renderMarkdown('# One\n### Three', { headingOffset: 2 })).toBe('<h3>One</h3>\n<h5>Three</h5>');
    expect(renderMarkdown('##### Five', { headingOffset: 3 })).toBe('<h6>Five</h6>');
  });

  it('joins consecutive lines into one paragraph and splits paragraphs on blank lines', () => {
    expect(renderMarkdown('first line\nsecond line\n\nnext')).toBe(
      '<p>first line\nsecond line</p>\n<p>next</p>',
    );
  });

  it('renders bullet lists, folding continuation lines into their item', () => {
    expect(renderMarkdown('- one\n* two\n  more')).toBe('<ul>\n<li>one</li>\n<li>two\nmore</li>\n</ul>');
  });

  it('renders numbered lists, keeping a start number other than one', () => {
    expect(renderMarkdown('1. a\n2. b')).toBe('<ol>\n<li>a</li>\n<li>b</li>\n</ol>');
    expect(renderMarkdown('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  });

  it('ends a paragraph where a list starts', () => {
    expect(renderMarkdown('Findings:\n- one')).toBe('<p>Findings:</p>\n<ul>\n<li>one</li>\n</ul>');
  });

  it('renders a GFM table with the separator row and column alignment', () => {
    expect(renderMarkdown('| Name | Value |\n|:---|---:|\n| Cash | $8,500.00 |')).toBe(
      [
        '<table>',
        '<thead>',
        '<tr><th style="text-align:left">Name</th><th style="text-align:right">Value</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><td style="text-align:left">Cash</td><td style="text-align:right">$8,500.00</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('renders a table without alignment, an empty first header and an escaped pipe in a cell', () => {
    expect(renderMarkdown('| | Share |\n|---|---|\n| a \\| b | **5%** |')).toBe(
      '<table>\n<thead>\n<tr><th></th><th>Share</th></tr>\n</thead>\n<tbody>\n<tr><td>a | b</td><td><strong>5%</strong></td></tr>\n</tbody>\n</table>',
    );
  });

  it('treats piped lines without a separator row as a paragraph', () => {
    expect(renderMarkdown('| a | b |\n| c | d |')).toBe('<p>| a | b |\n| c | d |</p>');
  });

  it('renders bold, italic and inline code, leaving code contents unformatted', () => {
    expect(renderMarkdown('**bold** and *italic* and `x *y* z`')).toBe(
      '<p><strong>bold</strong> and <em>italic</em> and <code>x *y* z</code></p>',
    );
    expect(renderMarkdown('**see `SPY`**')).toBe('<p><strong>see <code>SPY</code></strong></p>');
  });

  it('leaves arithmetic asterisks alone', () => {
    expect(renderMarkdown('5 * 3 * 2 = 30')).toBe('<p>5 * 3 * 2 = 30</p>');
  });

  it('renders blockquotes, including block content inside them', () => {
    expect(renderMarkdown('> quoted **text**\n> - item')).toBe(
      '<blockquote>\n<p>quoted <strong>text</strong></p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>',
    );
  });

  it('renders http(s) links as their text followed by the URL, never as an anchor', () => {
    expect(renderMarkdown('[docs](https://example.com/a?b=1&c=2)')).toBe(
      '<p>docs (<span class="link-url">https://example.com/a?b=1&amp;c=2</span>)</p>',
    );
  });

  it('renders rules and fenced code blocks', () => {
    expect(renderMarkdown('a\n\n---\n\n```ts\nconst x = 1;\n```')).toBe(
      '<p>a</p>\n<hr>\n<pre><code>const x = 1;</code></pre>',
    );
  });
});

describe('renderMarkdown with hostile input', () => {
  it('shows a script element as text', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('shows an image with an event handler as text, in headings, lists and table cells too', () => {
    const html = renderMarkdown(
      '# <img src=x onerror=alert(1)>\n- <img src=x onerror=alert(1)>\n\n| a |\n|---|\n| <img src=x onerror=alert(1)> |',
    );
    expect(html).not.toMatch(/<img/i);
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)).toHaveLength(3);
  });

  it('drops javascript: and other non-web link targets, keeping only the link text', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(renderMarkdown('[y](data:text/html;base64,PHNjcmlwdD4=)')).toBe('<p>y</p>');
    expect(renderMarkdown('[z](//evil.example/x)')).toBe('<p>z</p>');
  });

  it('cannot break out of an attribute or code span with quotes and backticks', () => {
    const html = renderMarkdown('`"><script>` and \'single\' "double"');
    expect(html).toBe('<p><code>&quot;&gt;&lt;script&gt;</code> and &#39;single&#39; &quot;double&quot;</p>');
  });

  it('ignores a forged code-span placeholder in the input', () => {
    expect(renderMarkdown('\uE0000\uE000 `a`')).toBe('<p>0 <code>a</code></p>');
  });
});
