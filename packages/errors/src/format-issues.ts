import type { z } from 'zod';

/** Options of {@link formatIssues}. */
export interface FormatIssuesOptions {
  /** Names an issue at the root (an empty path); without it the issue is the message alone. */
  root?: string;
  /** Lists at most this many issues (default: all). */
  limit?: number;
  /** Joins the issues (default `; `). */
  separator?: string;
}

type Issues = z.ZodError | readonly z.core.$ZodIssue[];

/** One line per issue, `path.to.field: message`, the form every error message of the project uses. */
export function issueLines(issues: Issues, options: Omit<FormatIssuesOptions, 'separator'> = {}): string[] {
  const list = 'issues' in issues ? issues.issues : issues;
  return list.slice(0, options.limit ?? list.length).map((issue) => {
    const path = issue.path.map(String).join('.') || options.root;
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** A zod error (or its issues) as one line: `a.b: message; c: message`. */
export function formatIssues(issues: Issues, options: FormatIssuesOptions = {}): string {
  return issueLines(issues, options).join(options.separator ?? '; ');
}
