const CODE_SPAN = /`([^`\n]+)`/g;
// A private-use character marks code-span placeholders; it is stripped from the input so text cannot forge one.
const MARK = '\uE000';
const PLACEHOLDER = /\uE000(\d+)\uE000/g;
// A URL may hold one level of balanced parentheses, as in `javascript:alert(1)` or a Wikipedia link.
const LINK = /\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;
const BOLD = /\*\*(?=\S)(.+?)(?<=\S)\*\*/g;
const ITALIC = /\*(?=[^\s*])(.+?)(?<=[^\s*])\*/g;
const WEB_URL = /^https?:\/\/[^\s]+$/i;

// Links are never made clickable: the page is read offline, and a model-written href is a risk with no benefit.
function renderLink(_match: string, text: string, url: string): string {
  return WEB_URL.test(url) ? `${text} (<span class="link-url">${url}</span>)` : text;
}

function formatText(escaped: string): string {
  return escaped
    .replace(LINK, renderLink)
    .replace(BOLD, '<strong>$1</strong>')
    .replace(ITALIC, '<em>$1</em>');
}

/**
 * Renders inline markdown (code spans, http(s) links as text and URL, bold, italic) in ALREADY-ESCAPED text,
 * so the only tags in the output are the ones added here.
 */
export function renderInline(escaped: string): string {
  // Code spans become placeholders first, so their contents stay literal while bold or italic may still wrap them.
  const spans: string[] = [];
  const text = escaped.replaceAll(MARK, '').replace(CODE_SPAN, (_match, code: string) => {
    spans.push(code);
    return `${MARK}${spans.length - 1}${MARK}`;
  });
  return formatText(text).replace(
    PLACEHOLDER,
    (_match, index: string) => `<code>${spans[Number(index)] ?? ''}</code>`,
  );
}
