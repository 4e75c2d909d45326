import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSideEffectFree } from '../../src/build/bundle-cuts';
import { bundleFiles } from '../../src/build/bundle-files';
import { lambdaBuildOptions } from '../../src/build/esbuild-options';
import { LAMBDA_NAMES, lambdaTarget } from '../../src/build/lambdas';
import { workspaceRoot } from '../../src/repo-root';
import { useTempDir } from '../support/temp-dir';

const root = workspaceRoot();
const out = useTempDir('alex-cuts-');

/** Every input that puts bytes in a file some Lambda ships (its entry and the chunks it can load). */
function liveInputs(metafile: Metafile): string[] {
  const live = new Set<string>();
  const outputs = new Map(
    Object.entries(metafile.outputs).map(([path, output]) => [path.replaceAll('\\', '/'), output]),
  );
  for (const name of LAMBDA_NAMES) {
    const files = bundleFiles(metafile, root, out, `${name}.mjs`);
    for (const file of [...files.startup, ...files.lazy]) {
      const output = outputs.get(relative(root, join(out, file)).replaceAll('\\', '/'));
      for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
        if (bytesInOutput > 0) live.add(input);
      }
    }
  }
  return [...live];
}

// All six Lambdas in one build with the real options, nothing written: the union of what they bundle.
let lambdas: Metafile;
beforeAll(async () => {
  const options = lambdaBuildOptions(lambdaTarget(root, 'tagger'), root);
  const entryPoints = Object.fromEntries(LAMBDA_NAMES.map((name) => [name, lambdaTarget(root, name).entry]));
  lambdas = (await build({ ...options, entryPoints, outdir: out, write: false })).metafile;
}, 120_000);

describe('what no Lambda path uses', () => {
  it('leaves the MCP client out of every Lambda: no agent builds an MCP server', () => {
    const inputs = Object.keys(lambdas.inputs);
    // The route it would come by is still there (the Agents SDK's Node shims), so the cut is esbuild's.
    expect(inputs.some((input) => isSideEffectFree(input))).toBe(true);
    expect(liveInputs(lambdas).filter((input) => isSideEffectFree(input))).toEqual([]);
  });

  it('bundles English alone of zod translations, and no bundled module asks for another', () => {
    const live = liveInputs(lambdas);
    const locales = live.filter((input) => /[\\/]zod[\\/]v4[\\/]locales[\\/]/.test(input));
    expect(locales.map((input) => input.replace(/.*[\\/]/, ''))).toEqual(['en.js']);
    // z.locales.<xx>, z.core.locales.<xx> or a zod/locales import is the only way to another translation.
    const readers = live
      .filter((input) => !/node_modules[\\/]zod[\\/]/.test(input))
      .filter((input) => /\blocales\b/.test(readFileSync(join(root, input), 'utf8')));
    expect(readers).toEqual([]);
  });
});

describe('zod in a Lambda bundle', () => {
  it('still reports errors in English and lists English as its one locale', async () => {
    const {
      entryPoints: _entry,
      outdir: _outdir,
      ...options
    } = lambdaBuildOptions(lambdaTarget(root, 'tagger'), root);
    const contents = [
      "import { z } from 'zod';",
      'const result = z.object({ symbol: z.string() }).safeParse({ symbol: 1 });',
      'export const seen = { locales: Object.keys(z.locales), message: result.error?.issues[0]?.message };',
    ].join('\n');
    await build({
      ...options,
      splitting: false,
      stdin: { contents, resolveDir: join(root, 'packages/contracts/src'), loader: 'ts' },
      outfile: join(out, 'zod.mjs'),
    });
    const bundle = await import(pathToFileURL(join(out, 'zod.mjs')).href);
    expect(bundle.seen).toEqual({
      locales: ['en'],
      message: 'Invalid input: expected string, received number',
    });
  });
});
