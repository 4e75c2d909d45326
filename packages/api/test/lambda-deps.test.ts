import { createMemoryLogger } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { parseApiConfig } from '../src';
import { lambdaDeps, refusedBeforeRunning } from '../src/lambda-deps';

const named = (name: string, cause?: unknown) => Object.assign(new Error(name, { cause }), { name });

describe('the API Lambda’s ports', () => {
  it('retries only database refusals that came before the statement ran', () => {
    expect(refusedBeforeRunning(named('DrizzleQueryError', named('DatabaseResumingException')))).toBe(true);
    expect(refusedBeforeRunning(named('ThrottlingException'))).toBe(true);
    // A lost connection or a timeout may come after an insert committed: retrying could write it twice.
    expect(refusedBeforeRunning(named('DrizzleQueryError', named('TimeoutError')))).toBe(false);
    expect(refusedBeforeRunning(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(false);
    expect(refusedBeforeRunning('DatabaseResumingException')).toBe(false);
  });

  it('builds the queue, verifier, origins and repositories from the environment without connecting', async () => {
    const env = parseApiConfig({
      DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex',
      DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex',
      JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis-jobs',
      CLERK_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
      CLERK_ISSUER: 'https://clerk.example.com',
      CORS_ORIGINS: 'https://alex.example.com',
    });
    const deps = await lambdaDeps(env, createMemoryLogger('api'));
    expect(deps.corsOrigins).toEqual(['https://alex.example.com']);
    expect(Object.keys(deps.repos)).toEqual(
      expect.arrayContaining(['accounts', 'positions', 'userJobs', 'users']),
    );
    await expect(deps.verifyToken('not.a.jwt')).rejects.toThrow();
  });
});
