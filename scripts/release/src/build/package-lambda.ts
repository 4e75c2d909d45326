import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { type BundleFiles, bundleFiles } from './bundle-files';
import type { LambdaTarget } from './lambdas';
import { type LambdaManifest, sha256Of } from './manifest';
import { writeZip } from './zip-archive';

/** A packaged Lambda: its manifest and how many of its bundle bytes a cold start reads. */
export interface PackagedLambda {
  manifest: LambdaManifest;
  /** Bytes of the entry and its static chunks, read at every cold start. */
  startupBytes: number;
  /** Bytes of chunks loaded by `import()` when first needed. */
  lazyBytes: number;
  /** Chunks no shipped file imports, deleted from `dist/` and left out of the zip. */
  unreachable: string[];
}

const sizeOf = (path: string) =>
  stat(path).then(
    (s) => s.size,
    () => 0,
  );

async function removeUnreachable(outDir: string, files: BundleFiles): Promise<void> {
  for (const file of files.unreachable) {
    await rm(join(outDir, file), { force: true });
    await rm(join(outDir, `${file}.map`), { force: true });
  }
}

/**
 * Zips `dist/handler.mjs` and every chunk it can load (static or `import()`, paths kept) into
 * `dist/<name>.zip`, deletes the chunks nothing can load, and writes `dist/manifest.json`.
 */
export async function packageLambda(
  target: LambdaTarget,
  metafile: Metafile,
  root: string,
): Promise<PackagedLambda> {
  const files = bundleFiles(metafile, root, target.outDir);
  await removeUnreachable(target.outDir, files);
  const shipped = [...files.startup, ...files.lazy];
  const entries = await Promise.all(
    shipped.map(async (path) => ({ path, data: await readFile(join(target.outDir, path)) })),
  );
  const bytesOf = (paths: readonly string[]) =>
    entries.filter((e) => paths.includes(e.path)).reduce((sum, e) => sum + e.data.byteLength, 0);
  const zip = writeZip(entries);
  const zipFile = `${target.name}.zip`;
  await writeFile(join(target.outDir, zipFile), zip);
  const hash = sha256Of(zip);
  const maps = await Promise.all(shipped.map((path) => sizeOf(join(target.outDir, `${path}.map`))));
  const manifest: LambdaManifest = {
    name: target.name,
    handler: 'handler.handler',
    zipFile,
    zipBytes: zip.byteLength,
    bundleBytes: bytesOf(shipped),
    mapBytes: maps.reduce((sum, bytes) => sum + bytes, 0),
    sha256: hash.base64,
    sha256Hex: hash.hex,
    inputs: Object.keys(metafile.inputs).length,
  };
  await writeFile(join(target.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    manifest,
    startupBytes: bytesOf(files.startup),
    lazyBytes: bytesOf(files.lazy),
    unreachable: files.unreachable,
  };
}

/** Reads the manifest a previous build wrote for a Lambda. */
export async function readManifest(target: LambdaTarget): Promise<LambdaManifest> {
  return JSON.parse(await readFile(join(target.outDir, 'manifest.json'), 'utf8')) as LambdaManifest;
}
