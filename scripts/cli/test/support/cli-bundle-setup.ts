import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { CLI_BUNDLE_ENV } from './cli-process';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// The repository's path, as a pattern (it may hold characters that mean something in one).
const rootPattern = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const workspaceSource = new RegExp(`^${rootPattern}(packages|scripts|agents)/.*\\.ts$`);

/**
 * Each workspace module keeps its own `import.meta.url` (its source file), so the paths it finds from there
 * (the migrations, the database server's entry, the workspace root) are the ones it finds under tsx.
 */
const sourceImportMetaUrl: Plugin = {
  name: 'source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: workspaceSource }, (args) =>
      args.path.includes('/node_modules/')
        ? undefined
        : {
            contents: readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: 'ts',
          },
    );
  },
};

/**
 * PGlite finds its WebAssembly and data files beside its own module: it stays in node_modules, imported by
 * absolute URL from the ES module build an `import` resolves to (the build tsx loads under `pnpm alex`).
 */
const pgliteInPlace: Plugin = {
  name: 'pglite-in-place',
  setup(builder) {
    builder.onResolve({ filter: /^@electric-sql\/pglite(\/|$)/ }, async (args) => {
      if (args.pluginData === 'pglite-in-place') return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: 'import-statement',
        resolveDir: join(root, 'packages/database'),
        pluginData: 'pglite-in-place',
      });
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

async function buildCli(outdir: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'scripts/cli/src/main.ts')],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies call `require`, which ESM output lacks.
    banner: {
      js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);",
    },
    plugins: [sourceImportMetaUrl, pgliteInPlace],
    logLevel: 'error',
  });
}

/**
 * Vitest global setup of the CLI tests: bundles `alex` once per run (about 1 s), and again before each rerun in
 * watch mode, so that each of the tests' ~70 `alex` processes loads one file instead of transpiling and
 * resolving hundreds of modules through tsx: 0.12 s of CPU instead of 0.44 s for `alex portfolio show`. The
 * same sources, built at the start of every run; the path `pnpm alex` takes (tsx) is run by CI's quick start
 * and by one test in `cli-portfolio.test.ts`, which checks it prints the same.
 */
export async function setup(project: TestProject): Promise<() => void> {
  const outdir = mkdtempSync(join(tmpdir(), 'alex-cli-bundle-'));
  await buildCli(outdir);
  project.onTestsRerun(() => buildCli(outdir));
  process.env[CLI_BUNDLE_ENV] = join(outdir, 'main.mjs');
  return () => {
    delete process.env[CLI_BUNDLE_ENV];
    rmSync(outdir, { recursive: true, force: true });
  };
}
