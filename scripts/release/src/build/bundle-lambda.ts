import { build, type Metafile } from 'esbuild';
import { BuildError } from '../errors';
import { lambdaBuildOptions } from './esbuild-options';
import type { LambdaTarget } from './lambdas';

/** The result of bundling one Lambda: its metafile and how long esbuild took. */
export interface LambdaBundle {
  metafile: Metafile;
  buildMs: number;
}

/** Bundles one Lambda with the shared esbuild definition; esbuild errors become one BuildError line. */
export async function bundleLambda(target: LambdaTarget, root: string): Promise<LambdaBundle> {
  const started = performance.now();
  try {
    const result = await build(lambdaBuildOptions(target, root));
    return { metafile: result.metafile, buildMs: Math.round(performance.now() - started) };
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number } }[] })
      .errors;
    const first = errors?.[0];
    const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
    const reason = first ? `${first.text}${where}` : String(error);
    const more = errors && errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    throw new BuildError(`${target.name}: esbuild failed: ${reason}${more}`, { cause: error });
  }
}
