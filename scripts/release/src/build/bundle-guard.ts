import type { Metafile } from 'esbuild';

/** Path fragments of local-only code (embedded Postgres, the local stand-ins, fakes) that no Lambda may bundle. */
export const FORBIDDEN_INPUTS = [
  '@electric-sql/pglite',
  'fauxqs',
  '/packages/local/',
  '/scripts/',
  '/testing/',
  'drizzle-orm/pglite',
] as const;

/** One bundle input that matched a forbidden fragment. */
export interface ForbiddenInput {
  input: string;
  fragment: string;
}

/** Lists every input of a bundle whose path contains a forbidden fragment. */
export function findForbiddenInputs(metafile: Pick<Metafile, 'inputs'>): ForbiddenInput[] {
  const found: ForbiddenInput[] = [];
  for (const input of Object.keys(metafile.inputs)) {
    // Leading slash so `packages/testing/...` at the start of a relative path still matches `/testing/`.
    const path = `/${input.replaceAll('\\', '/')}`;
    const fragment = FORBIDDEN_INPUTS.find((f) => path.includes(f));
    if (fragment) found.push({ input, fragment });
  }
  return found;
}
