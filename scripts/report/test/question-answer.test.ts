import { describe, expect, it } from 'vitest';
import { splitQuestionSection } from '../src/question-answer';

describe('splitQuestionSection', () => {
  it('takes out the question section up to the next level-two heading', () => {
    const report =
      '# Title\n\n## Your question\n\n> “Why?”\n\nBecause.\n### Detail\nMore.\n\n## Summary\nText.';
    expect(splitQuestionSection(report)).toEqual({
      answer: '> “Why?”\n\nBecause.\n### Detail\nMore.',
      rest: '# Title\n\n## Summary\nText.',
    });
  });

  it('runs to the end of a report that has no later section', () => {
    expect(splitQuestionSection('## Your question\nAnswer.')).toEqual({ answer: 'Answer.', rest: '' });
  });

  it('leaves a report without the section as it is', () => {
    const report = '# Title\n\n## Summary\nText.';
    expect(splitQuestionSection(report)).toEqual({ answer: null, rest: report });
  });
});
