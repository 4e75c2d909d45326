import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AgentName } from '@alex/contracts';

/** The built handler of every agent Lambda. */
export type AgentBundles = Record<AgentName, string>;

/** Where `pnpm build` writes an agent's handler bundle. */
export function bundlePath(root: string, agent: AgentName): string {
  return join(root, 'agents', agent, 'dist', 'handler.mjs');
}

// The build writes esbuild's metafile beside each bundle; its inputs are exactly what the bundle holds.
function staleInputs(root: string, agent: AgentName): string[] {
  const bundle = bundlePath(root, agent);
  const metaFile = join(dirname(bundle), 'meta.json');
  if (!existsSync(metaFile)) return [];
  const builtAt = statSync(bundle).mtimeMs;
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { inputs?: Record<string, unknown> };
  return Object.keys(meta.inputs ?? {}).filter((input) => {
    if (input.includes('node_modules/')) return false;
    const file = join(root, input);
    return !existsSync(file) || statSync(file).mtimeMs > builtAt;
  });
}

/** Why the bundles cannot be used as they are: missing, or older than a source file they were built from. */
export function bundleProblem(root: string): string | null {
  const missing = AgentName.options.filter((agent) => !existsSync(bundlePath(root, agent)));
  if (missing.length > 0) return `no bundle for ${missing.join(', ')}`;
  const stale = AgentName.options.filter((agent) => staleInputs(root, agent).length > 0);
  return stale.length > 0 ? `the ${stale.join(', ')} bundle(s) are older than their sources` : null;
}

function runBuild(root: string, log: (line: string) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const collect = (chunk: Buffer) => output.push(chunk.toString('utf8'));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => resolve(`pnpm build could not start: ${error.message}`));
    child.once('close', (code) => {
      if (code === 0) return resolve(null);
      log(output.join('').trimEnd());
      resolve(`pnpm build exited with ${code}`);
    });
  });
}

/**
 * Returns the five built bundles, running `pnpm build` first when one is missing or older than the sources;
 * the reason when they still cannot be had (no build script, a failing build).
 */
export async function ensureBundles(
  root: string,
  log: (line: string) => void = () => {},
): Promise<{ ok: true; bundles: AgentBundles } | { ok: false; reason: string }> {
  const problem = bundleProblem(root);
  if (problem) {
    log(`${problem}: running pnpm build`);
    const failure = await runBuild(root, log);
    if (failure) return { ok: false, reason: `${problem}, and ${failure}` };
    const after = bundleProblem(root);
    if (after) return { ok: false, reason: `pnpm build ran, but still ${after}` };
  }
  const bundles = Object.fromEntries(AgentName.options.map((agent) => [agent, bundlePath(root, agent)]));
  return { ok: true, bundles: bundles as AgentBundles };
}
