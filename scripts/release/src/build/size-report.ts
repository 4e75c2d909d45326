import type { Metafile } from 'esbuild';
import type { PackagedLambda } from './package-lambda';

/** Bytes one input (a file or a whole package) contributes to the minified bundle. */
interface InputSize {
  name: string;
  bytes: number;
}

/** An input path without the pnpm store prefix: `zod/v4/core/schemas.js` rather than `node_modules/.pnpm/...`. */
export function displayPath(input: string): string {
  const path = input.replaceAll('\\', '/');
  const at = path.lastIndexOf('node_modules/');
  return at >= 0 ? path.slice(at + 'node_modules/'.length) : path;
}

/** The package an input path belongs to: an npm name, `@alex/<workspace>`, or the path itself. */
export function packageOf(input: string): string {
  const path = input.replaceAll('\\', '/');
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [scope = '', name = ''] = path.slice(at + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const workspace = /(?:^|\/)(packages|agents)\/([^/]+)\//.exec(path);
  if (workspace) return workspace[1] === 'agents' ? `@alex/agent-${workspace[2]}` : `@alex/${workspace[2]}`;
  return path;
}

function bytesInOutput(metafile: Metafile): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput: size }] of Object.entries(output.inputs)) {
      bytes.set(input, (bytes.get(input) ?? 0) + size);
    }
  }
  return bytes;
}

function top(sizes: Map<string, number>, n: number): InputSize[] {
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1))
    .slice(0, n);
}

/** The inputs that contribute the most bytes to the minified bundle (after tree shaking). */
function topInputs(metafile: Metafile, n = 10): InputSize[] {
  return top(bytesInOutput(metafile), n);
}

/** The packages that contribute the most bytes to the minified bundle, summed over their files. */
function topPackages(metafile: Metafile, n = 10): InputSize[] {
  const byPackage = new Map<string, number>();
  for (const [input, bytes] of bytesInOutput(metafile)) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
  }
  return top(byPackage, n);
}

/** Kilobytes with one decimal, for reports. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The size report of one Lambda: totals (what a cold start reads, what `import()` loads later), then its top
 * inputs and top packages.
 */
export function formatSizeReport(
  packaged: PackagedLambda,
  metafile: Metafile,
  buildMs: number,
  n = 10,
): string[] {
  const { manifest } = packaged;
  const lines = [
    `${manifest.name}: bundle ${kb(manifest.bundleBytes)} (cold start reads ${kb(packaged.startupBytes)}, ` +
      `${kb(packaged.lazyBytes)} loaded on demand), zip ${kb(manifest.zipBytes)} ` +
      `(${manifest.inputs} inputs, map ${kb(manifest.mapBytes)} not zipped, ` +
      `${packaged.unreachable.length} unreachable chunks dropped, esbuild ${buildMs} ms)`,
    `  top ${n} inputs (bytes in bundle):`,
  ];
  for (const input of topInputs(metafile, n)) {
    lines.push(`    ${kb(input.bytes).padStart(10)}  ${displayPath(input.name)}`);
  }
  lines.push(`  top ${n} packages:`);
  for (const pkg of topPackages(metafile, n)) lines.push(`    ${kb(pkg.bytes).padStart(10)}  ${pkg.name}`);
  return lines;
}
