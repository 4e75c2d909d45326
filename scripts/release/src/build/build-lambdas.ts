import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { BuildError } from '../errors';
import { findForbiddenInputs } from './bundle-guard';
import { bundleLambda } from './bundle-lambda';
import type { LambdaTarget } from './lambdas';
import type { LambdaManifest } from './manifest';
import { packageLambda } from './package-lambda';
import { checkZipBudget, ZIP_BUDGET_BYTES } from './size-budget';
import { formatSizeReport, kb } from './size-report';

/** One Lambda built, guarded, zipped and within budget. */
export interface BuiltLambda {
  manifest: LambdaManifest;
  metafile: Metafile;
  buildMs: number;
}

/** What to build and where to print the size report. */
export interface BuildLambdasOptions {
  root: string;
  targets: readonly LambdaTarget[];
  log: (line: string) => void;
  budgetBytes?: number;
}

type Outcome = { ok: true; built: BuiltLambda } | { ok: false; reason: string };

async function buildOne(target: LambdaTarget, options: BuildLambdasOptions): Promise<Outcome> {
  const { root, log } = options;
  if (!existsSync(target.entry)) {
    return { ok: false, reason: `${target.name}: ${relative(root, target.entry)} not found` };
  }
  await rm(target.outDir, { recursive: true, force: true });
  await mkdir(target.outDir, { recursive: true });
  const { metafile, buildMs } = await bundleLambda(target, root);
  await writeFile(join(target.outDir, 'meta.json'), JSON.stringify(metafile));
  const forbidden = findForbiddenInputs(metafile);
  if (forbidden.length > 0) {
    for (const hit of forbidden) log(`  ${target.name}: forbidden input ${hit.input} (${hit.fragment})`);
    const first = forbidden[0];
    return {
      ok: false,
      reason: `${target.name}: local-only code in the bundle (${forbidden.length} inputs, e.g. ${first?.input})`,
    };
  }
  const packaged = await packageLambda(target, metafile, root);
  const { manifest } = packaged;
  for (const line of formatSizeReport(packaged, metafile, buildMs)) log(line);
  const budget = checkZipBudget(manifest.zipBytes, options.budgetBytes ?? ZIP_BUDGET_BYTES);
  if (!budget.ok) {
    return {
      ok: false,
      reason: `${target.name}: zip ${kb(manifest.zipBytes)} is ${kb(budget.overBy)} over the ${kb(options.budgetBytes ?? ZIP_BUDGET_BYTES)} budget`,
    };
  }
  return { ok: true, built: { manifest, metafile, buildMs } };
}

/**
 * Bundles, guards, zips and size-checks every target, reporting as it goes; throws one BuildError
 * listing every Lambda that failed (missing entry, esbuild error, local-only input, over budget).
 */
export async function buildLambdas(options: BuildLambdasOptions): Promise<BuiltLambda[]> {
  const built: BuiltLambda[] = [];
  const failures: string[] = [];
  // One at a time: esbuild already uses every core, and per-bundle timings stay meaningful.
  for (const target of options.targets) {
    const outcome = await buildOne(target, options).catch(
      (error: unknown): Outcome => ({
        ok: false,
        reason: error instanceof BuildError ? error.message : `${target.name}: ${String(error)}`,
      }),
    );
    if (outcome.ok) built.push(outcome.built);
    else failures.push(outcome.reason);
  }
  if (failures.length > 0) throw new BuildError(`build failed: ${failures.join('; ')}`);
  return built;
}
