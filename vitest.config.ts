import { defineConfig } from 'vitest/config';

// Database suites run in a non-UTC zone so a timestamp read back in local time fails loudly.
const databaseProject = (driver: 'pglite' | 'postgres' | 'data-api') => ({
  test: {
    name: `database:${driver}`,
    root: 'packages/database',
    include: ['test/**/*.test.ts'],
    exclude: ['test/unit/**'],
    env: { ALEX_TEST_DRIVER: driver, TZ: 'America/New_York' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...(driver === 'postgres' ? { globalSetup: ['test/support/postgres-global-setup.ts'] } : {}),
  },
});

const workspace = (name: string, root: string) => ({
  test: { name, root, include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});

export default defineConfig({
  test: {
    projects: [
      workspace('contracts', 'packages/contracts'),
      workspace('analytics', 'packages/analytics'),
      workspace('data-api-local', 'packages/data-api-local'),
      workspace('local-queue', 'packages/local-queue'),
      workspace('pglite-server', 'packages/pglite-server'),
      workspace('aws-adapters', 'packages/aws-adapters'),
      workspace('tracing', 'packages/tracing'),
      workspace('lambda-local', 'packages/lambda-local'),
      { test: { name: 'database:unit', root: 'packages/database', include: ['test/unit/**/*.test.ts'] } },
      databaseProject('pglite'),
      databaseProject('postgres'),
      databaseProject('data-api'),
      workspace('scripts', 'scripts'),
      workspace('runtime', 'packages/runtime'),
      workspace('llm', 'packages/llm'),
      ...['planner', 'tagger', 'reporter', 'charter', 'retirement'].map((agent) =>
        workspace(agent, `agents/${agent}`),
      ),
    ],
  },
});
