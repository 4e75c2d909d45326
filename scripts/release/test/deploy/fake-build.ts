import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lambdaTarget } from '../../src/build/lambdas';
import type { LambdaManifest } from '../../src/build/manifest';
import { sha256Of } from '../../src/build/manifest';
import { writeZip } from '../../src/build/zip-archive';

/** A stand-in for the esbuild pipeline: writes a tiny zip per Lambda under `root` and returns its manifest. */
export function fakeBuild(root: string) {
  const built: string[][] = [];
  const build = async (lambdas: readonly string[]): Promise<LambdaManifest[]> => {
    built.push([...lambdas]);
    return lambdas.map((name) => {
      const zip = writeZip([{ path: 'handler.mjs', data: new TextEncoder().encode(`// ${name}\n`) }]);
      const dist = lambdaTarget(root, name).outDir;
      mkdirSync(dist, { recursive: true });
      writeFileSync(join(dist, `${name}.zip`), zip);
      const hash = sha256Of(zip);
      return {
        name,
        handler: 'handler.handler',
        zipFile: `${name}.zip`,
        zipBytes: zip.byteLength,
        bundleBytes: 10,
        mapBytes: 0,
        sha256: hash.base64,
        sha256Hex: hash.hex,
        inputs: 1,
      };
    });
  };
  return { build, built };
}
