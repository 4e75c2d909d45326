import { join, relative } from 'node:path';
import type { Metafile } from 'esbuild';

/** The bundle file esbuild writes for every Lambda, and that the Lambda `handler` setting loads. */
const BUNDLE_FILE = 'handler.mjs';

/**
 * The JavaScript files of one Lambda build, as paths relative to its `dist/`: the entry and the chunks it
 * imports statically (read at every cold start), the chunks only a live `import()` loads (read when first
 * needed), and chunks nothing live can load.
 */
export interface BundleFiles {
  startup: string[];
  lazy: string[];
  /**
   * Chunks that no shipped file imports: esbuild emits a chunk for every `import()` it finds, also inside
   * code it then drops as unused (the MCP client's transports, browser-only SDK helpers). No code path can
   * load them, so they stay out of the zip.
   */
  unreachable: string[];
}

/**
 * Sorts the files of a build by whether a cold start of `entryFile` reads them, a later `import()` may, or
 * nothing can.
 */
export function bundleFiles(
  metafile: Pick<Metafile, 'outputs'>,
  root: string,
  outDir: string,
  entryFile = BUNDLE_FILE,
): BundleFiles {
  const key = (path: string) => path.replaceAll('\\', '/');
  const outputs = new Map(Object.entries(metafile.outputs).map(([path, output]) => [key(path), output]));
  const entry = key(relative(root, join(outDir, entryFile)));
  const walk = (kinds: readonly string[]): Set<string> => {
    const seen = new Set([entry]);
    const queue = [entry];
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      for (const imported of outputs.get(current)?.imports ?? []) {
        const path = key(imported.path);
        if (imported.external || !kinds.includes(imported.kind) || seen.has(path)) continue;
        seen.add(path);
        queue.push(path);
      }
    }
    return seen;
  };
  const startup = walk(['import-statement']);
  const reachable = walk(['import-statement', 'dynamic-import']);
  const inDist = (paths: Iterable<string>) =>
    [...paths].map((path) => key(relative(outDir, join(root, path)))).sort();
  const scripts = [...outputs.keys()].filter((path) => path.endsWith('.mjs'));
  return {
    startup: inDist(startup),
    lazy: inDist([...reachable].filter((path) => !startup.has(path))),
    unreachable: inDist(scripts.filter((path) => !reachable.has(path))),
  };
}
