import { createMemoryLogger } from '@alex/runtime';
import { describe, expect, it } from 'vitest';
import { parseApiConfig } from '../src';
import { lambdaDeps, refusedBeforeRunning } from '../src/lambda-deps';
import { API_ENV } from './support/api-env';

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
    const env = parseApiConfig({ ...API_ENV, CORS_ORIGINS: 'https://alex.example.com' });
    const deps = await lambdaDeps(env, createMemoryLogger('api'));
    expect(deps.corsOrigins).toEqual(['https://alex.example.com']);
    expect(Object.keys(deps.repos)).toEqual(
      expect.arrayContaining(['accounts', 'positions', 'userJobs', 'users']),
    );
    await expect(deps.verifyToken('not.a.jwt')).rejects.toThrow();
  });
});
