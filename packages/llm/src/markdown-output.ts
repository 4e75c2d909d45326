import { z } from 'zod';

/**
 * What a model's markdown must look like before it is stored: reasoning blocks (`<think>…</think>`) removed,
 * at least 200 and at most `maxLength` characters, with a markdown heading. `what` names it in the errors.
 */
export function markdownOutput(what: string, maxLength: number) {
  return z
    .string()
    .transform((text) => text.replace(/<think>[\s\S]*?<\/think>/g, '').trim())
    .pipe(
      z
        .string()
        .min(200, `${what} is too short`)
        .max(maxLength, `${what} is too long`)
        .regex(/^#\s/m, `${what} has no markdown heading`),
    );
}
