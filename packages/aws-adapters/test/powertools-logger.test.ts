import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { powertoolsLogger } from '../src';
import { jsonLinesWritten } from './support/json-output';

/** The JSON lines Powertools writes (warn and error go to stderr) while `run` executes. */
const capture = (run: () => void) => jsonLinesWritten(run, 'stdout and stderr');

afterEach(() => vi.restoreAllMocks());

describe('powertoolsLogger', () => {
  it('writes a JSON line with the attributes and errors as name and message', () => {
    const logger = powertoolsLogger(new PowertoolsLogger({ serviceName: 'planner', logLevel: 'DEBUG' }));

    const [line] = capture(() =>
      logger.warn('price refresh incomplete', { missing: ['AAPL'], cause: new TypeError('boom') }),
    );

    expect(line).toMatchObject({
      level: 'WARN',
      message: 'price refresh incomplete',
      service: 'planner',
      missing: ['AAPL'],
      cause: { name: 'TypeError', message: 'boom' },
    });
  });

  it('adds the child attributes to every line of the child, and the parent keeps its own', () => {
    const parent = powertoolsLogger(
      new PowertoolsLogger({ serviceName: 'planner', persistentKeys: { stage: 'dev' } }),
    );
    const child = parent.child({ job_id: 'j-1' });

    const [fromChild, fromParent] = capture(() => {
      child.info('started');
      parent.info('idle');
    });

    expect(fromChild).toMatchObject({ message: 'started', job_id: 'j-1', stage: 'dev' });
    expect(fromParent).toMatchObject({ message: 'idle', stage: 'dev' });
    expect(fromParent).not.toHaveProperty('job_id');
  });

  it('respects the Powertools log level', () => {
    const logger = powertoolsLogger(new PowertoolsLogger({ serviceName: 'planner', logLevel: 'INFO' }));

    const lines = capture(() => {
      logger.debug('hidden');
      logger.info('shown');
    });

    expect(lines.map((line) => line.message)).toEqual(['shown']);
  });
});
