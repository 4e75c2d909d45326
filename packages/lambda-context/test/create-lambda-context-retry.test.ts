import { describe, expect, it } from 'vitest';
import { createLambdaContext, type Invocation } from '../src';
import { agentEnv, useLocalAurora } from './support/local-aurora';
import { captureStdoutLines } from './support/stdout-lines';

const aurora = useLocalAurora();
const stdout = captureStdoutLines();

const RETRYING = 'database call failed; retrying';

/** An invocation with a fixed amount of time left. */
const withTimeLeft = (ms: number): Invocation => ({ getRemainingTimeInMillis: () => ms });

const retryLines = () => stdout.all().filter((line) => line.message === RETRYING);

describe('createLambdaContext when the database is briefly unreachable', () => {
  it('retries a repository call until the cluster is reachable again, logging each retry', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');
    aurora.disconnect();

    const prices = context.invoke(withTimeLeft(600_000), () =>
      context.repos.instruments.storedPrices(['SPY']),
    );
    const firstRetry = await stdout.next(RETRYING);
    aurora.reconnect();

    expect(await prices).toEqual(new Map([['SPY', 450.25]]));
    expect(firstRetry).toEqual({
      level: 'WARN',
      timestamp: expect.any(String),
      service: 'planner',
      message: RETRYING,
      cold_start: expect.any(Boolean),
      function_name: 'local',
      sampling_rate: 0,
      attempt: 1,
      delayMs: expect.any(Number),
      error: expect.stringMatching(/^[^\n]+$/),
    });
    // Each retry is counted too, in the EMF document the invocation publishes when it ends.
    expect(
      stdout.metrics().some((line) => Array.isArray(line.DatabaseRetries) || line.DatabaseRetries === 1),
    ).toBe(true);
  });

  it('retries the calls of every repository, not only one', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');
    aurora.disconnect();

    const user = context.invoke(withTimeLeft(600_000), () => context.repos.users.find('test_user_001'));
    await stdout.next(RETRYING);
    aurora.reconnect();

    expect(await user).toMatchObject({ clerkUserId: 'test_user_001' });
  });

  it('makes a single attempt when the invocation has less time left than the retry margin', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');
    aurora.disconnect();

    try {
      await expect(
        context.invoke(withTimeLeft(9_000), () => context.repos.instruments.storedPrices(['SPY'])),
      ).rejects.toThrow();
      expect(retryLines()).toEqual([]);
    } finally {
      aurora.reconnect();
    }
  });

  it('bounds retries by the deadline of the invocation in progress, not of an earlier one', async () => {
    const context = await createLambdaContext(agentEnv(), 'planner');
    await context.invoke(withTimeLeft(5_000), async () => 'a short first invocation');
    aurora.disconnect();

    const prices = context.invoke(withTimeLeft(600_000), () =>
      context.repos.instruments.storedPrices(['QQQ']),
    );
    await stdout.next(RETRYING);
    aurora.reconnect();

    expect(await prices).toEqual(new Map([['QQQ', 385.5]]));
  });
});
