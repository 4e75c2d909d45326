import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import type { LambdaTarget } from './lambdas';
import { type LambdaManifest, sha256Of } from './manifest';
import { writeZip } from './zip-archive';

/** The bundle file esbuild writes for every Lambda and the handler setting that loads it. */
const BUNDLE_FILE = 'handler.mjs';

/** Zips `dist/handler.mjs` (alone, at the zip root) into `dist/<name>.zip` and writes `dist/manifest.json`. */
export async function packageLambda(target: LambdaTarget, metafile: Metafile): Promise<LambdaManifest> {
  const bundlePath = join(target.outDir, BUNDLE_FILE);
  const bundle = await readFile(bundlePath);
  const zip = writeZip([{ path: BUNDLE_FILE, data: bundle }]);
  const zipFile = `${target.name}.zip`;
  await writeFile(join(target.outDir, zipFile), zip);
  const hash = sha256Of(zip);
  const mapBytes = await stat(`${bundlePath}.map`).then(
    (s) => s.size,
    () => 0,
  );
  const manifest: LambdaManifest = {
    name: target.name,
    handler: 'handler.handler',
    zipFile,
    zipBytes: zip.byteLength,
    bundleBytes: bundle.byteLength,
    mapBytes,
    sha256: hash.base64,
    sha256Hex: hash.hex,
    inputs: Object.keys(metafile.inputs).length,
  };
  await writeFile(join(target.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest a previous build wrote for a Lambda. */
export async function readManifest(target: LambdaTarget): Promise<LambdaManifest> {
  return JSON.parse(await readFile(join(target.outDir, 'manifest.json'), 'utf8')) as LambdaManifest;
}
