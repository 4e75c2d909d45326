import { readFileSync } from 'node:fs';
import type { Job } from '@alex/contracts';
import type { Repositories, UserInput } from '@alex/database';

/**
 * Creates a job for the user (with the given id, when a recorded event names one) and claims it, as `owner`
 * for `leaseMs` when given (by default an anonymous owner for two minutes).
 */
export async function createRunningJob(
  repos: Repositories,
  options: { id?: string; clerkUserId?: string; owner?: string; leaseMs?: number } = {},
): Promise<Job> {
  const job = await repos.jobs.create({
    ...(options.id ? { id: options.id } : {}),
    clerkUserId: options.clerkUserId ?? 'test_user_001',
    jobType: 'portfolio_analysis',
    requestPayload: { analysis_type: 'portfolio', options: {} },
  });
  const claim = await repos.jobs.claim(
    job.id,
    options.owner ? { owner: options.owner, leaseMs: options.leaseMs ?? 120_000 } : undefined,
  );
  if (!claim.ok) throw new Error(`could not claim test job ${job.id}`);
  return claim.job;
}

/** Creates the user (or replaces their profile: no name or goals unless given) and a pending analysis for them. */
export async function createUserJob(
  repos: Repositories,
  clerkUserId: string,
  profile: Partial<Omit<UserInput, 'clerkUserId'>> = {},
): Promise<Job> {
  await repos.users.upsert({
    clerkUserId,
    displayName: null,
    yearsUntilRetirement: null,
    targetRetirementIncome: null,
    ...profile,
  });
  return repos.jobs.create({ clerkUserId, jobType: 'portfolio_analysis', requestPayload: null });
}

/** Reads a recorded event (JSON) relative to the calling test file's URL. */
export function recordedEvent(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}
