import { valuePortfolio } from '@alex/analytics';
import { createRepositories, importPortfolio, TEST_USER_ID } from '@alex/database';
import { NotFoundError } from '../errors';
import { formatValuation, valuationJson } from '../format-valuation';
import { withConfiguredDatabase } from '../local-database';
import { readPortfolioFile } from '../read-portfolio-file';
import { type CommandContext, onlyPositional } from './command';

/**
 * `alex portfolio import FILE`: validates the whole file first, then writes the user's profile, accounts and
 * positions in one transaction; unknown symbols become bare placeholders, shared instrument data is untouched.
 */
export async function portfolioImport({ positionals, output }: CommandContext): Promise<void> {
  const path = onlyPositional(positionals, 'usage: alex portfolio import FILE [--json]');
  const file = await readPortfolioFile(path);
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const summary = await importPortfolio(handle.db, file);
    output.result(
      {
        imported: true,
        clerk_user_id: summary.clerkUserId,
        accounts: summary.accounts,
        positions: summary.positions,
        instruments_awaiting_classification: summary.instrumentsAwaitingClassification,
      },
      () => {
        const waiting = summary.instrumentsAwaitingClassification;
        return [
          `imported ${summary.clerkUserId}: ${summary.accounts} accounts, ${summary.positions} positions`,
          ...(waiting.length > 0
            ? [`awaiting classification (no price, no allocations): ${waiting.join(', ')}`]
            : []),
        ].join('\n');
      },
    );
  });
}

/** `alex portfolio show [--user ID]`: values the portfolio at stored prices. */
export async function portfolioShow({ flags, output }: CommandContext): Promise<void> {
  const userId = typeof flags.user === 'string' ? flags.user : TEST_USER_ID;
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const portfolio = await createRepositories(handle.db).portfolios.load(userId);
    if (!portfolio) {
      throw new NotFoundError(
        `no user "${userId}": run \`pnpm alex db reset --seed\` or \`pnpm alex portfolio import FILE\``,
      );
    }
    const valuation = valuePortfolio(portfolio);
    const name = portfolio.user.displayName;
    output.result(valuationJson(valuation, name), () => formatValuation(valuation, name));
  });
}
