import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGENT_NAMES,
  isAgentName,
  isLambdaName,
  LAMBDA_NAMES,
  lambdaTarget,
  lambdaZipPath,
} from '../../src/build/lambdas';

describe('the Lambdas the release builds', () => {
  it('builds the five agents in deploy order, then the API', () => {
    expect(LAMBDA_NAMES).toEqual(['tagger', 'reporter', 'charter', 'retirement', 'planner', 'api']);
    expect(AGENT_NAMES).toEqual(LAMBDA_NAMES.slice(0, 5));
    expect(isLambdaName('api')).toBe(true);
    expect(isAgentName('api')).toBe(false);
    expect(isLambdaName('advisor')).toBe(false);
  });

  it('bundles an agent from agents/<name> and the API from packages/api', () => {
    expect(lambdaTarget('/repo', 'tagger')).toEqual({
      name: 'tagger',
      entry: join('/repo', 'agents', 'tagger', 'src', 'handler.ts'),
      outDir: join('/repo', 'agents', 'tagger', 'dist'),
    });
    expect(lambdaTarget('/repo', 'api')).toEqual({
      name: 'api',
      entry: join('/repo', 'packages', 'api', 'src', 'handler.ts'),
      outDir: join('/repo', 'packages', 'api', 'dist'),
    });
  });

  it('names the zip paths Terraform uploads by default', () => {
    expect(lambdaZipPath('planner')).toBe('agents/planner/dist/planner.zip');
    expect(lambdaZipPath('api')).toBe('packages/api/dist/api.zip');
  });
});
