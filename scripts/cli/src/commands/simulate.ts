import { simulationInput } from '@alex/agent-retirement';
import { analysePortfolio, simulateRetirement } from '@alex/analytics';
import { createRepositories, TEST_USER_ID } from '@alex/database';
import { CliError, UsageError } from '../errors';
import { openConfiguredDatabase } from '../local-database';
import type { CommandContext } from './command';

function integerFlag(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return parsed;
}

/** `alex simulate`: the retirement Monte Carlo for a user's stored portfolio and goals, no model involved. */
export async function simulate({ flags, output }: CommandContext): Promise<void> {
  const userId = typeof flags.user === 'string' ? flags.user : TEST_USER_ID;
  const paths = integerFlag(flags.paths, 'paths');
  const seed = integerFlag(flags.seed, 'seed');
  const handle = await openConfiguredDatabase(output, { requireSchema: true });
  try {
    const portfolio = await createRepositories(handle.db).portfolios.load(userId);
    if (!portfolio) throw new CliError(`no user "${userId}"`);
    const input = simulationInput(portfolio, analysePortfolio(portfolio));
    if (!input.ok) throw new CliError(input.error);
    const started = performance.now();
    const result = simulateRetirement(
      { ...input.value, ...(paths ? { paths } : {}), ...(seed !== undefined ? { seed } : {}) },
      input.options,
    );
    if (!result.ok) throw new CliError(`${result.error.message}: ${result.error.issues.join('; ')}`);
    const ms = Math.round(performance.now() - started);
    const sim = result.value;
    const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
    const { horizon } = input;
    const end = horizon.basis === 'age' ? `age ${horizon.end}` : `year ${horizon.end} from now`;
    const data = { clerk_user_id: userId, input: input.value, horizon, duration_ms: ms, simulation: sim };
    output.result(data, () =>
      [
        ...(horizon.assumption ? [`assumed: ${horizon.assumption}`] : []),
        `${userId}: ${pct(sim.success_rate)} of ${sim.paths} paths fund ${input.value.targetIncome}/yr to ${end} (95% CI ${pct(sim.success_rate_ci95[0])}-${pct(sim.success_rate_ci95[1])})`,
        `median at retirement (today's dollars): ${sim.median_at_retirement}; seed ${sim.seed}; ${ms} ms`,
      ].join('\n'),
    );
  } finally {
    await handle.close();
  }
}
