import { describe, expect, it } from 'vitest';
import { FORBIDDEN_INPUTS, findForbiddenInputs } from '../../src/build/bundle-guard';

const metafile = (...paths: string[]) => ({
  inputs: Object.fromEntries(paths.map((path) => [path, { bytes: 1, imports: [] }])),
});

describe('findForbiddenInputs', () => {
  it('rejects a metafile that contains PGlite', () => {
    const pglite =
      'node_modules/.pnpm/@electric-sql+pglite@0.5.1/node_modules/@electric-sql/pglite/dist/index.js';
    expect(findForbiddenInputs(metafile('agents/tagger/src/handler.ts', pglite))).toEqual([
      { input: pglite, fragment: '@electric-sql/pglite' },
    ]);
  });

  it.each([
    ['node_modules/.pnpm/fauxqs@2.0.0/node_modules/fauxqs/dist/index.js', 'fauxqs'],
    ['packages/local/sqs/src/index.ts', '/packages/local/'],
    ['packages/local/data-api/src/server.ts', '/packages/local/'],
    ['scripts/local/src/local-stack.ts', '/scripts/'],
    ['packages/testing/src/index.ts', '/testing/'],
    ['node_modules/drizzle-orm/pglite/driver.js', 'drizzle-orm/pglite'],
  ])('rejects %s', (input, fragment) => {
    expect(findForbiddenInputs(metafile(input))).toEqual([{ input, fragment }]);
  });

  it('accepts the production drivers and SDK clients', () => {
    const clean = metafile(
      'agents/tagger/src/handler.ts',
      'packages/database/src/drivers/data-api.ts',
      'node_modules/drizzle-orm/aws-data-api/pg/driver.js',
      'node_modules/@aws-sdk/client-rds-data/dist-es/index.js',
    );
    expect(findForbiddenInputs(clean)).toEqual([]);
  });

  it('matches Windows separators too', () => {
    expect(findForbiddenInputs(metafile('packages\\testing\\src\\index.ts'))).toHaveLength(1);
    expect(FORBIDDEN_INPUTS).toContain('/testing/');
  });
});
