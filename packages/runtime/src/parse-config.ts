import { formatIssues } from '@alex/errors';
import type { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Parses environment variables with a zod schema; the error names every missing or invalid variable and
 * where its value comes from (`sources`: variable -> ".env.example" or a Terraform output).
 */
export function parseConfig<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
  sources: Record<string, string> = {},
): z.output<T> {
  // An empty variable (as copied from .env.example) means unset.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const source = sources[issue.path.join('.')];
    return `${formatIssues([issue])}${source ? ` (set by ${source})` : ''}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
