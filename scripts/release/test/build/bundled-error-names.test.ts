import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../src/build/esbuild-options';
import { workspaceRoot } from '../../src/repo-root';
import { useTempDir } from '../support/temp-dir';

const out = useTempDir('alex-names-');

// Every error class a Lambda bundle can throw, built from the planner's folder so its imports resolve.
const ENTRY = `
import { isTransientError } from '@alex/errors';
import { DatabaseConfigError, DatabaseError, InvalidRowError, ResultTooLargeError } from '@alex/database';
import { LlmConfigError, LlmError, ModelCallTimeoutError, ModelRetriesExhaustedError } from '@alex/llm';
import { ConfigError, InvalidEventError } from '@alex/runtime';
import { AwsAdapterError, JobQueueError } from '@alex/aws-adapters';
const classes = { DatabaseConfigError, DatabaseError, InvalidRowError, ResultTooLargeError, LlmConfigError, LlmError,
  ModelCallTimeoutError, ConfigError, InvalidEventError, AwsAdapterError, JobQueueError };
export const names = Object.fromEntries(Object.entries(classes).map(([key, Type]) => [key, new Type('x').name]));
export const exhausted = new ModelRetriesExhaustedError(5, 'attempts', new Error('x')).name;
export const timeoutIsTransient = isTransientError(new ModelCallTimeoutError('slow'));
export const exhaustedIsTransient = isTransientError(new ModelRetriesExhaustedError(5, 'attempts', new Error('x')));
`;

it('keeps every error class name in a minified Lambda bundle, so retries and logs still read them', async () => {
  const root = workspaceRoot();
  const target = { name: 'names', entry: 'unused', outDir: out };
  const { entryPoints: _entry, outdir: _outdir, ...options } = lambdaBuildOptions(target, root);
  await build({
    ...options,
    // One output file from stdin: chunks need an outdir, and no dynamic import is involved here.
    splitting: false,
    stdin: { contents: ENTRY, resolveDir: join(root, 'agents/planner/src'), loader: 'ts' },
    outfile: join(out, 'names.mjs'),
  });
  const bundle = await import(pathToFileURL(join(out, 'names.mjs')).href);
  for (const [key, name] of Object.entries(bundle.names)) expect(name).toBe(key);
  expect(bundle.exhausted).toBe('ModelRetriesExhaustedError');
  expect(bundle.timeoutIsTransient).toBe(true);
  expect(bundle.exhaustedIsTransient).toBe(false);
});
