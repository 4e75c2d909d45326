import type { BuildOptions } from 'esbuild';
import { bundleCutsPlugin } from './bundle-cuts';
import type { LambdaTarget } from './lambdas';

/**
 * Gives the ESM bundle a CommonJS `require`: bundled CommonJS dependencies (debug, the AWS SDK's
 * Node helpers) call `require('tty')` and friends, which esbuild's ESM output cannot resolve on its own
 * and fails at runtime with `Dynamic require of "tty" is not supported`.
 */
const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The one esbuild definition for every Lambda: bundle everything, ESM `.mjs` with chunks, Node 22. */
export function lambdaBuildOptions(target: LambdaTarget, root: string): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: { handler: target.entry },
    outdir: target.outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Nothing is external: the zip carries its own AWS SDK instead of the runtime's unpinned copy.
    external: [],
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // Chunks: what only a later `import()` needs (the SDK's credential providers other than the environment's,
    // and whatever a handler loads lazily) stays out of the cold start. package-lambda.ts zips the chunks
    // the handler can load and drops those no live code imports.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // ESM entry points of dual packages (the AWS SDK's dist-es) tree-shake better than their CJS builds.
    mainFields: ['module', 'main'],
    // Renames classes: error classes that reach a bundle state their `name` (keepNames would add 7% to the zip).
    minify: true,
    // The maps stay in dist/, out of the zip: about 3 MB (0.8 MB deflated), they would double the zip. The link comment lets `node --enable-source-maps agents/<name>/dist/handler.mjs` map traces locally.
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'eof',
    // What no Lambda path uses: the MCP client, zod's translations (see bundle-cuts.ts).
    plugins: [bundleCutsPlugin()],
    metafile: true,
    banner: { js: CREATE_REQUIRE_BANNER },
    logLevel: 'silent',
    write: true,
  };
}
