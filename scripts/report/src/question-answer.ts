/** The heading of the section in which the reporter answers the person's question. */
const QUESTION_HEADING = '## Your question';

/** A report split into the section answering the question (without its heading) and everything else. */
export interface SplitReport {
  answer: string | null;
  rest: string;
}

/** Takes the `## Your question` section out of a report so the page can show it first; the rest stays in order. */
export function splitQuestionSection(report: string): SplitReport {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.trim() === QUESTION_HEADING);
  if (start === -1) return { answer: null, rest: report };
  // The section runs to the next heading of level one or two.
  const next = lines.findIndex((line, index) => index > start && /^#{1,2}\s/.test(line));
  const end = next === -1 ? lines.length : next;
  const answer = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  const rest = [...lines.slice(0, start), ...lines.slice(end)].join('\n').trim();
  return { answer: answer === '' ? null : answer, rest };
}
