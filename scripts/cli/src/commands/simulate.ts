import { simulationInput } from '@alex/agent-retirement';
import { analysePortfolio, prepareRetirement, projectRetirement, solve } from '@alex/analytics';
import { createRepositories, TEST_USER_ID } from '@alex/database';
import { CliError, NotFoundError, UsageError } from '../errors';
import { withConfiguredDatabase } from '../local-database';
import { parseSimulateFlags, withOverrides } from '../simulate-flags';
import { describeProjection, describeSolve } from '../simulate-output';
import type { CommandContext } from './command';

/**
 * `alex simulate`: the retirement projection for a user's stored portfolio and goals, no model involved.
 * Flags override the stored plan for this run (`--income`, `--contribution`, `--retire-at`, `--strategy`,
 * `--method`); `--solve` answers one question at `--confidence` instead.
 */
export async function simulate({ flags: rawFlags, output }: CommandContext): Promise<void> {
  const flags = parseSimulateFlags(rawFlags);
  const userId = flags.user ?? TEST_USER_ID;
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const portfolio = await createRepositories(handle.db).portfolios.load(userId);
    if (!portfolio) throw new NotFoundError(`no user "${userId}"`);
    const plan = simulationInput(portfolio, analysePortfolio(portfolio));
    if (!plan.ok) throw new CliError(plan.error);
    const retireAt = flags['retire-at'];
    if (retireAt !== undefined) {
      if (plan.horizon.basis !== 'age')
        throw new UsageError("--retire-at needs the user's age: set current_age first");
      if (retireAt < plan.horizon.start || retireAt > plan.horizon.end)
        throw new UsageError(
          `--retire-at must be from the current age ${plan.horizon.start} to the end age ${plan.horizon.end}`,
        );
    }
    const started = performance.now();
    const model = prepareRetirement(withOverrides(plan.value, flags));
    if (!model.ok) throw new CliError(model.error.message);
    const { horizon } = plan;
    if (flags.solve) {
      const answer = solve(model.value, flags.solve, flags.confidence);
      const ms = Math.round(performance.now() - started);
      const { method } = model.value.built;
      const { paths } = model.value.built.scenarios;
      const data = { clerk_user_id: userId, horizon, method, paths, duration_ms: ms, solve: answer };
      output.result(data, () => describeSolve(userId, answer, { ...model.value.input, paths }, horizon, ms));
      return;
    }
    const simulation = projectRetirement(model.value);
    const ms = Math.round(performance.now() - started);
    const data = { clerk_user_id: userId, horizon, duration_ms: ms, simulation };
    output.result(data, () => describeProjection(userId, simulation, horizon, ms));
  });
}
