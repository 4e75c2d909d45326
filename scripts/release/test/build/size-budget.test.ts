import { describe, expect, it } from 'vitest';
import { checkZipBudget, ZIP_BUDGET_BYTES } from '../../src/build/size-budget';
import { displayPath, packageOf } from '../../src/build/size-report';

describe('checkZipBudget', () => {
  it('fails a zip over 600 KB and reports by how much', () => {
    expect(ZIP_BUDGET_BYTES).toBe(614_400);
    expect(checkZipBudget(614_401)).toEqual({ ok: false, overBy: 1 });
    expect(checkZipBudget(655_360)).toEqual({ ok: false, overBy: 40_960 });
  });

  it('passes a zip of exactly the budget or less', () => {
    expect(checkZipBudget(614_400)).toEqual({ ok: true });
    expect(checkZipBudget(530_000)).toEqual({ ok: true });
  });
});

describe('size report names', () => {
  const store = 'node_modules/.pnpm/@openai+agents-core@0.20.0_zod@4.6.7/node_modules/';

  it('attributes store paths to their npm package and workspace paths to @alex packages', () => {
    expect(packageOf(`${store}@openai/agents-core/dist/run.mjs`)).toBe('@openai/agents-core');
    expect(packageOf('node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(packageOf('packages/database/src/index.ts')).toBe('@alex/database');
    expect(packageOf('agents/tagger/src/handler.ts')).toBe('@alex/agent-tagger');
  });

  it('drops the pnpm store prefix from displayed paths', () => {
    expect(displayPath(`${store}@openai/agents-core/dist/run.mjs`)).toBe('@openai/agents-core/dist/run.mjs');
    expect(displayPath('packages/llm/src/index.ts')).toBe('packages/llm/src/index.ts');
  });
});
