import { dropAlexSchema, seedDatabase } from '@alex/database';
import { confirmOrThrow } from '../confirm';
import { withConfiguredDatabase } from '../local-database';
import type { CommandContext } from './command';

/** `alex db migrate`: applies the committed migrations. */
export async function dbMigrate({ output }: CommandContext): Promise<void> {
  await withConfiguredDatabase(output, { requireSchema: false }, async (handle) => {
    await handle.migrate();
    output.result({ migrated: true, driver: handle.driver }, () => `migrated (${handle.driver})`);
  });
}

/** `alex db seed`: writes the seed instruments and test_user_001 (idempotent). */
export async function dbSeed({ output }: CommandContext): Promise<void> {
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const summary = await seedDatabase(handle.db);
    output.result(
      { seeded: true, ...summary },
      () => `seeded ${summary.instruments} instruments and ${summary.users.join(', ')}`,
    );
  });
}

/** `alex db reset [--seed] [--yes]`: asks first (unless --yes), drops everything, migrates, optionally seeds. */
export async function dbReset({ output, flags }: CommandContext): Promise<void> {
  await withConfiguredDatabase(output, { requireSchema: false }, async (handle) => {
    if (flags.yes !== true)
      await confirmOrThrow(
        `Drop every Alex table and all its data in this ${handle.driver} database?`,
        'db reset drops every table and asks first, but stdin is not a terminal: pass --yes to go ahead',
        { input: process.stdin, output: process.stderr },
      );
    await dropAlexSchema(handle.db);
    await handle.migrate();
    output.log('dropped and re-created every table');
    const seeded = flags.seed ? await seedDatabase(handle.db) : null;
    output.result({ reset: true, driver: handle.driver, seeded }, () =>
      seeded ? `reset and seeded ${seeded.instruments} instruments and ${seeded.users.join(', ')}` : 'reset',
    );
  });
}
