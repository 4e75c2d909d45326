import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/escape-html';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes an existing entity again, so stored text is shown exactly as written', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
