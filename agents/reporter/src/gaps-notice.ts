import type { DataGap } from '@alex/contracts';

/** The notice a report opens with when the analysis is incomplete: every gap, in plain words. */
function gapsNotice(gaps: readonly DataGap[]): string | null {
  if (gaps.length === 0) return null;
  return [
    '> **This analysis is incomplete.** The figures below leave out:',
    ...gaps.map((gap) => `> - ${gap.detail}`),
  ].join('\n');
}

/**
 * Puts the gaps notice at the top of a report, whoever wrote it: right after its first line when that is the
 * title, otherwise before everything, so the person reads the gaps before any figure.
 */
export function withGapsNotice(content: string, gaps: readonly DataGap[]): string {
  const notice = gapsNotice(gaps);
  if (!notice) return content;
  const [first = '', ...rest] = content.split('\n');
  if (/^#\s/.test(first)) return [first, '', notice, '', ...rest].join('\n');
  return `${notice}\n\n${content}`;
}
