import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Migrates PGlite once per run for every project below that opens an in-memory database (see the file).
const pgliteTemplates = fileURLToPath(
  new URL('packages/testing/src/pglite-templates-setup.ts', import.meta.url),
);
// Writes the fresh cluster that CLI and local server tests copy into their data directories (after the above).
const pgdataTemplate = fileURLToPath(
  new URL('packages/testing/src/data-dir-template-setup.ts', import.meta.url),
);
// Bundles the CLI that the CLI tests run (see the file).
const cliBundle = fileURLToPath(new URL('scripts/cli/test/support/cli-bundle-setup.ts', import.meta.url));

// These files test the schema and SQL the engine evaluates (column types, the allocation check), not a driver or a
// repository: they run on both engines (PGlite's PostgreSQL 18, the PostgreSQL 15 server) but not again over the
// Data API, whose endpoint runs on one of those engines; data-api-pitfalls.test.ts covers its parameter casts.
const ENGINE_ONLY = ['test/allocation-sum.test.ts', 'test/column-limits.test.ts'];

// Each database suite: the driver its tests use and, for the Data API, the engine behind the local endpoint
// (`data-api-postgres`: the PostgreSQL server with a pooled connection per transaction, so transactions really
// run concurrently; `data-api`: one PGlite connection that transactions take in turn).
const DATABASE_SUITES = {
  pglite: { driver: 'pglite', onServer: false },
  postgres: { driver: 'postgres', onServer: true },
  'data-api': { driver: 'data-api', onServer: false },
  'data-api-postgres': { driver: 'data-api', onServer: true },
} as const;

// Database suites run in a non-UTC zone so a timestamp read back in local time fails loudly.
const databaseProject = (suite: keyof typeof DATABASE_SUITES) => {
  const { driver, onServer } = DATABASE_SUITES[suite];
  return {
    test: {
      name: `database:${suite}`,
      root: 'packages/database',
      include: ['test/**/*.test.ts'],
      exclude: ['test/unit/**', ...(driver === 'data-api' ? ENGINE_ONLY : [])],
      env: {
        ALEX_TEST_DRIVER: driver,
        ALEX_TEST_DATA_API_BACKEND: onServer ? 'postgres' : 'pglite',
        TZ: 'America/New_York',
      },
      testTimeout: 30_000,
      hookTimeout: 60_000,
      globalSetup: onServer ? ['test/support/postgres-global-setup.ts'] : [pgliteTemplates],
      // Each file opens and closes its own database and keeps no other state (see `workspace` below).
      isolate: false,
    },
  };
};

// `isolate: false` lets one worker run several files of a project without re-importing their modules: only for
// projects whose files keep no state between them beyond what each opens and closes itself.
const workspace = (
  name: string,
  root: string,
  options: { globalSetup?: string[]; isolate?: boolean; testTimeout?: number } = {},
) => ({
  test: {
    name,
    root,
    include: ['test/**/*.test.ts'],
    testTimeout: options.testTimeout ?? 30_000,
    hookTimeout: 60_000,
    globalSetup: options.globalSetup ?? [],
    isolate: options.isolate ?? true,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on two cores, one worker runs every file in turn.
    // Many files mostly wait on child processes, servers and timers, so two workers a core keep the cores busy.
    maxWorkers: 2 * availableParallelism(),
    // Measured in CI (`--coverage`) and printed per workspace by scripts/ci/coverage-by-package.mjs.
    coverage: {
      provider: 'v8',
      include: ['packages/**/src/**/*.ts', 'agents/*/src/**/*.ts', 'scripts/*/src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
    projects: [
      // Pure functions over values: no timers, mocks, environment or globals touched, so workers are reused.
      ...['errors', 'contracts', 'analytics', 'market-data'].map((name) =>
        workspace(name, `packages/${name}`, { isolate: false }),
      ),
      workspace('local-data-api', 'packages/local/data-api', { globalSetup: [pgliteTemplates] }),
      workspace('local-sqs', 'packages/local/sqs'),
      workspace('pglite-server', 'packages/local/pglite-server'),
      workspace('aws-adapters', 'packages/aws-adapters'),
      workspace('tracing', 'packages/tracing'),
      workspace('local-lambda', 'packages/local/lambda'),
      {
        test: {
          name: 'database:unit',
          root: 'packages/database',
          include: ['test/unit/**/*.test.ts'],
          isolate: false,
        },
      },
      databaseProject('pglite'),
      databaseProject('postgres'),
      databaseProject('data-api'),
      databaseProject('data-api-postgres'),
      // Each CLI test runs several `alex` processes (from a bundle of the CLI built once per run: see
      // test/support/cli-bundle-setup.ts), which share the two cores with the other workers. Its files keep no
      // state beyond their own data directories, servers and local stacks, which each stops itself (fake timers
      // are restored after each test), so workers are reused.
      workspace('cli', 'scripts/cli', {
        globalSetup: [pgliteTemplates, pgdataTemplate, cliBundle],
        testTimeout: 60_000,
        isolate: false,
      }),
      // Rendering and release planning over values and files, with nothing global either: workers are reused.
      workspace('report', 'scripts/report', { isolate: false }),
      workspace('release', 'scripts/release', { isolate: false }),
      workspace('local', 'scripts/local', { globalSetup: [pgliteTemplates, pgdataTemplate] }),
      workspace('e2e', 'scripts/e2e'),
      workspace('bench', 'scripts/bench'),
      workspace('runtime', 'packages/runtime'),
      workspace('testing', 'packages/testing', { globalSetup: [pgliteTemplates] }),
      workspace('llm', 'packages/llm'),
      workspace('lambda-context', 'packages/lambda-context', { globalSetup: [pgliteTemplates] }),
      // Each file builds its apps over databases it opens and closes; nothing module-level, env or timers.
      workspace('api', 'packages/api', { globalSetup: [pgliteTemplates], isolate: false }),
      ...['planner', 'tagger', 'reporter', 'charter', 'retirement'].map((agent) =>
        workspace(agent, `agents/${agent}`, { globalSetup: [pgliteTemplates], isolate: false }),
      ),
    ],
  },
});
