import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLambdas } from '../../src/build/build-lambdas';
import type { LambdaTarget } from '../../src/build/lambdas';
import { readZip } from '../../src/build/zip-archive';
import { useTempDir } from '../support/temp-dir';

const root = useTempDir('alex-chunks-');

// A handler that loads one module with `import()` when an event asks for it, and holds another `import()` in a
// function nothing calls, which esbuild drops but still emits a chunk for.
function lazyTarget(name: string): LambdaTarget {
  const src = join(root, name, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'sometimes.ts'), "export const sometimes = 'loaded on demand';\n");
  writeFileSync(join(src, 'never.ts'), "export const never = 'unreachable';\n");
  writeFileSync(
    join(src, 'handler.ts'),
    [
      'async function unused() { return (await import("./never")).never; }',
      'export const handler = async (event: { lazy: boolean }) =>',
      '  event.lazy ? (await import("./sometimes")).sometimes : "eager";',
      '',
    ].join('\n'),
  );
  return { name, entry: join(src, 'handler.ts'), outDir: join(root, name, 'dist') };
}

function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => file.replaceAll('\\', '/'))
    .sort();
}

const log = () => {};

describe('chunks of a Lambda build', () => {
  it('zips the chunks a live import() can load, and runs from the unzipped files alone', async () => {
    const target = lazyTarget('lazy');
    const [built] = await buildLambdas({ root, targets: [target], log });
    const entries = readZip(readFileSync(join(target.outDir, 'lazy.zip')));
    const names = entries.map((entry) => entry.path).sort();
    expect(names).toEqual(scriptsIn(target.outDir));
    expect(names).toContain('handler.mjs');
    expect(names.filter((name) => name.startsWith('chunks/sometimes-'))).toHaveLength(1);
    expect(built?.manifest.bundleBytes).toBe(entries.reduce((sum, entry) => sum + entry.data.byteLength, 0));

    // A fresh node over the unzipped files, as Lambda runs them: the lazy chunk must be in the zip.
    const unzipped = join(root, 'unzipped');
    for (const entry of entries) {
      mkdirSync(dirname(join(unzipped, entry.path)), { recursive: true });
      writeFileSync(join(unzipped, entry.path), entry.data);
    }
    const bundle = JSON.stringify(pathToFileURL(join(unzipped, 'handler.mjs')).href);
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${bundle}); console.log(await m.handler({ lazy: false }), '|', await m.handler({ lazy: true }));`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('eager | loaded on demand');
  });

  it('drops the chunk of an import() in code esbuild removed, from the zip and from dist/', async () => {
    const target = lazyTarget('dead');
    const lines: string[] = [];
    await buildLambdas({ root, targets: [target], log: (line) => lines.push(line) });
    const names = readZip(readFileSync(join(target.outDir, 'dead.zip'))).map((entry) => entry.path);
    expect(names.some((name) => name.startsWith('chunks/never-'))).toBe(false);
    expect(scriptsIn(target.outDir).some((name) => name.startsWith('chunks/never-'))).toBe(false);
    expect(existsSync(join(target.outDir, 'handler.mjs.map'))).toBe(true);
    expect(lines[0]).toMatch(
      /^dead: bundle .* \(cold start reads .*, .* loaded on demand\).* 1 unreachable chunks dropped/,
    );
  });
});
