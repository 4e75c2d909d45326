import { createPlan, planContext } from '@alex/agent-planner';
import { AnalysisQuestion } from '@alex/contracts';
import { createRepositories, seedDemoOnce, TEST_USER_ID } from '@alex/database';
import { createUsageMeter } from '@alex/llm';
import { NotFoundError, UsageError } from '../errors';
import { withConfiguredDatabase } from '../local-database';
import { agentLogger, plannerModel } from '../local-runtime';
import { describePlan } from '../plan-output';
import type { CommandContext } from './command';

/**
 * `alex plan`: the plan the planner would follow for a user and an optional question, from the configured
 * planner model (or the rules offline). Runs nothing: no job is created and no specialist is invoked.
 */
export async function plan({ flags, output }: CommandContext): Promise<void> {
  const userId = typeof flags.user === 'string' ? flags.user : TEST_USER_ID;
  const question = flags.question === undefined ? undefined : AnalysisQuestion.safeParse(flags.question);
  if (question && !question.success)
    throw new UsageError(`--question ${question.error.issues[0]?.message ?? 'is not valid'}`);
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    if (userId === TEST_USER_ID && (await seedDemoOnce(handle.db)))
      output.log('first run: seeded the reference instruments and test_user_001');
    const portfolio = await createRepositories(handle.db).portfolios.load(userId);
    if (!portfolio) throw new NotFoundError(`no user "${userId}"`);
    const llm = plannerModel();
    const meter = createUsageMeter();
    const context = planContext(portfolio, question?.data);
    const result = await createPlan(context, { llm, meter, logger: agentLogger() });
    const data = {
      clerk_user_id: userId,
      question: question?.data ?? null,
      model: llm.id,
      origin: result.origin,
      plan: result.plan,
      rejected: result.rejected,
      adjusted: result.adjusted,
      usage: meter.snapshot(),
      planning_ms: result.latencyMs,
    };
    output.result(data, () => describePlan(data));
  });
}
