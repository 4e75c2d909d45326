import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, type ResolveFnOutput } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveDrizzleModule } from '../src/drizzle-resolve-hook';

// drizzle-orm as the database package, which imports it, finds it.
const fromDatabase = createRequire(new URL('../../../packages/database/src/index.ts', import.meta.url));
const root = dirname(fromDatabase.resolve('drizzle-orm'));
const pgCore = join(root, 'pg-core', 'index.js');

const context = (parent: string) => ({
  conditions: ['node', 'import'],
  importAttributes: {},
  parentURL: pathToFileURL(parent).href,
});
const asked: ResolveFnOutput = { url: 'file:///asked-next', format: 'module' };
const next = () => asked;
const refuse = (): ResolveFnOutput => {
  throw new Error('asked the next resolver');
};

describe('the drizzle-orm resolve hook', () => {
  it('rests on drizzle-orm being one ES module package, with no package.json below its own', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).type).toBe('module');
    const nested = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (path) => path.endsWith('package.json') && path !== 'package.json',
    );
    expect(nested).toEqual([]);
  });

  it("resolves drizzle-orm's relative imports to the files Node finds, as ES modules", () => {
    const specifiers = [...readFileSync(pgCore, 'utf8').matchAll(/from "(\.{1,2}\/[^"]+\.js)"/g)].map(
      (match) => match[1] as string,
    );
    expect(specifiers.length).toBeGreaterThan(10);
    const byNode = createRequire(pgCore);
    for (const specifier of [...specifiers, '../sql/sql.js']) {
      expect(resolveDrizzleModule(specifier, context(pgCore), refuse)).toEqual({
        url: pathToFileURL(byNode.resolve(specifier)).href,
        format: 'module',
        shortCircuit: true,
      });
    }
  });

  it('leaves bare names, paths out of drizzle-orm and every other parent to the next resolver', () => {
    expect(resolveDrizzleModule('drizzle-orm', context(pgCore), next)).toBe(asked);
    expect(resolveDrizzleModule('../../pg/lib/index.js', context(pgCore), next)).toBe(asked);
    expect(resolveDrizzleModule('./data.json', context(pgCore), next)).toBe(asked);
    const ours = fileURLToPath(new URL('../src/ensure-database-server.ts', import.meta.url));
    expect(resolveDrizzleModule('./database-server-state.js', context(ours), next)).toBe(asked);
  });
});
