import { retryingRepositories, systemClock } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { createLambdaContext } from '../src';
import { agentEnv, useLocalAurora } from './support/local-aurora';
import { captureStdoutLines } from './support/stdout-lines';

useLocalAurora();
const stdout = captureStdoutLines();

/** The messages of an error and of its causes, outermost first. */
function messages(error: unknown): string[] {
  const found: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) found.push(current.message);
  return found;
}

describe('createLambdaContext over the Data API', () => {
  it('reads the database through the cluster, secret and database the env names', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');

    const prices = await context.repos.instruments.storedPrices(['SPY', 'QQQ', 'NOPE']);

    expect(prices).toEqual(
      new Map([
        ['SPY', 450.25],
        ['QQQ', 385.5],
      ]),
    );
    expect(await context.repos.users.find('test_user_001')).toMatchObject({ clerkUserId: 'test_user_001' });
  });

  it('sends the database name of the env with every statement', async () => {
    const context = await createLambdaContext(agentEnv({ DATABASE_NAME: 'alex_staging' }), 'planner');

    const error = await context.repos.instruments.storedPrices(['SPY']).catch((e: unknown) => e);

    expect(messages(error).join('\n')).toContain('database "alex_staging" does not exist');
  });

  it('fails a database error that no retry can fix at once, without retrying it', async () => {
    const context = await createLambdaContext(agentEnv({ DATABASE_NAME: 'alex_staging' }), 'planner');

    await expect(context.repos.users.find('test_user_001')).rejects.toThrow();

    expect(stdout.all().filter((line) => line.message === 'database call failed; retrying')).toEqual([]);
  });

  it('wraps the repositories for transient retry, so wrapping them again changes nothing', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');

    expect(retryingRepositories(context.repos)).toBe(context.repos);
  });

  it('logs JSON lines for the service to stdout, from the env’s LOG_LEVEL upwards', async () => {
    const quiet = await createLambdaContext(agentEnv({ LOG_LEVEL: 'warn' }), 'charter');
    const verbose = await createLambdaContext(agentEnv({ LOG_LEVEL: 'debug' }), 'tagger');

    quiet.logger.info('hidden');
    quiet.logger.warn('shown', { jobId: 'j-1' });
    verbose.logger.debug('detail');

    expect(stdout.all()).toEqual([
      expect.objectContaining({ level: 'WARN', service: 'charter', message: 'shown', jobId: 'j-1' }),
      expect.objectContaining({ level: 'DEBUG', service: 'tagger', message: 'detail' }),
    ]);
  });

  it('logs from info upwards by default', async () => {
    const context = await createLambdaContext(agentEnv(), 'reporter');

    context.logger.debug('hidden');
    context.logger.info('shown');

    expect(stdout.all().map((line) => line.message)).toEqual(['shown']);
  });

  it('gives the agents the system clock', async () => {
    const context = await createLambdaContext(agentEnv(), 'retirement');

    expect(context.clock).toBe(systemClock);
  });

  it('returns what the invocation’s work returns', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');

    const result = await context.invoke({ getRemainingTimeInMillis: () => 60_000 }, async () =>
      context.repos.instruments.storedPrices(['IWM']),
    );

    expect(result).toEqual(new Map([['IWM', 205.75]]));
  });

  it('rethrows the error of the invocation’s work unchanged', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');
    const failure = new RangeError('allocation above 100%');

    await expect(
      context.invoke(undefined, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });
});
