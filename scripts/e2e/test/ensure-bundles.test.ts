import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentName } from '@alex/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { bundlePath, bundleProblem, ensureBundles } from '../src/ensure-bundles';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

// A workspace with a built bundle and metafile for every agent, all built from one source file.
function fakeWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'alex-bundles-'));
  roots.push(root);
  mkdirSync(join(root, 'packages', 'core', 'src'), { recursive: true });
  writeFileSync(join(root, 'packages', 'core', 'src', 'index.ts'), 'export const x = 1;\n');
  for (const agent of AgentName.options) {
    mkdirSync(join(root, 'agents', agent, 'dist'), { recursive: true });
    writeFileSync(bundlePath(root, agent), 'export const handler = () => null;\n');
    const inputs = { 'packages/core/src/index.ts': {}, 'node_modules/zod/index.js': {} };
    writeFileSync(join(root, 'agents', agent, 'dist', 'meta.json'), JSON.stringify({ inputs }));
  }
  return root;
}

describe('bundleProblem', () => {
  it('accepts bundles newer than every source file they were built from', () => {
    const root = fakeWorkspace();
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'packages', 'core', 'src', 'index.ts'), past, past);
    expect(bundleProblem(root)).toBeNull();
  });

  it('names the bundles older than a source file they contain', () => {
    const root = fakeWorkspace();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'packages', 'core', 'src', 'index.ts'), future, future);
    expect(bundleProblem(root)).toBe(
      'the planner, tagger, reporter, charter, retirement bundle(s) are older than their sources',
    );
  });
});

describe('ensureBundles', () => {
  it('gives the reason when the bundles are missing and cannot be built', async () => {
    const root = mkdtempSync(join(tmpdir(), 'alex-nobuild-'));
    roots.push(root);
    const result = await ensureBundles(root);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(
      /^no bundle for planner, tagger, reporter, charter, retirement, and pnpm build (exited with \d+|could not start)/,
    );
  });
});
