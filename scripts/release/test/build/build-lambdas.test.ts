import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLambdas } from '../../src/build/build-lambdas';
import type { LambdaTarget } from '../../src/build/lambdas';
import type { LambdaManifest } from '../../src/build/manifest';
import { readZip } from '../../src/build/zip-archive';
import { useTempDir } from '../support/temp-dir';

const root = useTempDir('alex-build-');

// A CommonJS dependency that requires a Node builtin at load time, like `debug` requiring `tty`.
function demoTarget(name: string, extraImport = ''): LambdaTarget {
  const src = join(root, name, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'dep.cjs'), "module.exports = { tty: typeof require('tty').isatty };\n");
  writeFileSync(
    join(src, 'handler.ts'),
    `${extraImport}import dep from './dep.cjs';\nexport const handler = async (event: { n: number }) => ({ doubled: event.n * 2, tty: dep.tty });\n`,
  );
  return { name, entry: join(src, 'handler.ts'), outDir: join(root, name, 'dist') };
}

const lines: string[] = [];
const log = (line: string) => lines.push(line);

describe('buildLambdas', () => {
  it('bundles a handler that requires a builtin from CommonJS, zips it and writes its manifest', async () => {
    const target = demoTarget('demo');
    const [built] = await buildLambdas({ root, targets: [target], log });
    const bundlePath = join(target.outDir, 'handler.mjs');
    // A fresh node process: vitest's own module loader would supply `require` and hide a missing banner.
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(pathToFileURL(bundlePath).href)}); console.log(JSON.stringify(await m.handler({ n: 21 })));`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ doubled: 42, tty: 'function' });

    const zip = readFileSync(join(target.outDir, 'demo.zip'));
    expect(readZip(zip).map((entry) => entry.path)).toEqual(['handler.mjs']);
    const manifest = JSON.parse(readFileSync(join(target.outDir, 'manifest.json'), 'utf8')) as LambdaManifest;
    expect(manifest).toMatchObject({ name: 'demo', handler: 'handler.handler', zipBytes: zip.byteLength });
    expect(manifest.sha256).toBe(createHash('sha256').update(zip).digest('base64'));
    expect(manifest.inputs).toBe(2);
    expect(built?.manifest).toEqual(manifest);
    expect(lines.some((line) => line.startsWith('demo: bundle'))).toBe(true);
  });

  it('writes the same zip bytes when nothing changed', async () => {
    const target = demoTarget('again');
    await buildLambdas({ root, targets: [target], log });
    const first = readFileSync(join(target.outDir, 'again.zip'));
    await buildLambdas({ root, targets: [target], log });
    expect(readFileSync(join(target.outDir, 'again.zip')).equals(first)).toBe(true);
  });

  it('fails when the zip is over the budget', async () => {
    const target = demoTarget('big');
    await expect(buildLambdas({ root, targets: [target], log, budgetBytes: 100 })).rejects.toThrow(
      /big: zip .* over the 0\.1 KB budget/,
    );
  });

  it('fails when local-only code is imported, naming the input', async () => {
    const target = demoTarget('leaky', "import { fake } from '../testing/fake';\nconsole.log(fake);\n");
    mkdirSync(join(root, 'leaky', 'testing'), { recursive: true });
    writeFileSync(join(root, 'leaky', 'testing', 'fake.ts'), 'export const fake = 1;\n');
    await expect(buildLambdas({ root, targets: [target], log })).rejects.toThrow(
      /leaky: local-only code in the bundle \(1 inputs, e\.g\. leaky\/testing\/fake\.ts\)/,
    );
  });

  it('fails when the handler source is missing, and still builds the others', async () => {
    const good = demoTarget('present');
    const missing = {
      name: 'absent',
      entry: join(root, 'absent', 'src', 'handler.ts'),
      outDir: join(root, 'absent', 'dist'),
    };
    await expect(buildLambdas({ root, targets: [missing, good], log })).rejects.toThrow(
      /build failed: absent: absent\/src\/handler\.ts not found$/,
    );
    expect(readFileSync(join(good.outDir, 'present.zip')).byteLength).toBeGreaterThan(0);
  });
});
