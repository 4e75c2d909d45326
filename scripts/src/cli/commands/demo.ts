import { createRepositories, seedDatabase, TEST_USER_ID } from '@alex/database';
import { openConfiguredDatabase } from '../local-database';
import type { CommandContext } from './command';
import { portfolioShow } from './portfolio';

/** `alex demo` (`pnpm start`): seeds test_user_001 on first run, then shows its portfolio. */
export async function demo(context: CommandContext): Promise<void> {
  const handle = await openConfiguredDatabase(context.output, { requireSchema: true });
  try {
    if (!(await createRepositories(handle.db).users.find(TEST_USER_ID))) {
      context.output.log('first run: seeding the reference instruments and test_user_001');
      await seedDatabase(handle.db);
    }
  } finally {
    await handle.close();
  }
  await portfolioShow({ ...context, flags: { ...context.flags, user: TEST_USER_ID } });
}
