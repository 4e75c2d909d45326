import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../src';

const QueueEnv = z.object({
  JOBS_QUEUE_URL: z.url(),
  MAX_RECEIVE_COUNT: z.coerce.number().int().min(1).default(3),
  REGION: z.string().min(1),
});

const SOURCES = {
  JOBS_QUEUE_URL: 'terraform output jobs_queue_url',
  MAX_RECEIVE_COUNT: '.env.example',
};

/** The message of the error parseConfig throws for `env`. */
function failureOf(
  env: Record<string, string | undefined>,
  sources: Record<string, string> = SOURCES,
): Error {
  try {
    parseConfig(QueueEnv, env, sources);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected parseConfig to throw');
}

describe('parseConfig', () => {
  it('returns the parsed values with coercions and defaults applied', () => {
    const config = parseConfig(QueueEnv, {
      JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-jobs',
      MAX_RECEIVE_COUNT: '5',
      REGION: 'eu-west-2',
      UNRELATED: 'ignored',
    });

    expect(config).toEqual({
      JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-jobs',
      MAX_RECEIVE_COUNT: 5,
      REGION: 'eu-west-2',
    });
  });

  it('treats an empty variable as unset, so its default applies', () => {
    const config = parseConfig(QueueEnv, {
      JOBS_QUEUE_URL: 'http://127.0.0.1:9324/queue/jobs',
      MAX_RECEIVE_COUNT: '',
      REGION: 'us-east-1',
    });

    expect(config.MAX_RECEIVE_COUNT).toBe(3);
  });

  it('reports an empty required variable as missing rather than invalid', () => {
    const error = failureOf({ JOBS_QUEUE_URL: '', REGION: 'us-east-1' });

    expect(error.message).toMatch(/^Invalid configuration: JOBS_QUEUE_URL: .*received undefined/);
  });

  it('throws a ConfigError that names every missing and invalid variable in one message', () => {
    const error = failureOf({ MAX_RECEIVE_COUNT: 'three' });

    expect(error.name).toBe('ConfigError');
    expect(error.message.startsWith('Invalid configuration: ')).toBe(true);
    const problems = error.message.slice('Invalid configuration: '.length).split('; ');
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'JOBS_QUEUE_URL',
      'MAX_RECEIVE_COUNT',
      'REGION',
    ]);
  });

  it('says where each failing variable’s value comes from when a source is known', () => {
    const error = failureOf({ MAX_RECEIVE_COUNT: '0', JOBS_QUEUE_URL: 'not a url' });

    const problems = error.message.slice('Invalid configuration: '.length).split('; ');
    expect(problems).toEqual([
      expect.stringMatching(/^JOBS_QUEUE_URL: .+ \(set by terraform output jobs_queue_url\)$/),
      expect.stringMatching(/^MAX_RECEIVE_COUNT: .+ \(set by \.env\.example\)$/),
      expect.stringMatching(/^REGION: [^(]+$/),
    ]);
  });

  it('names the variable a cross-field rule points at, with its source', () => {
    const Paired = QueueEnv.partial().superRefine((env, context) => {
      if (env.JOBS_QUEUE_URL && !env.REGION) {
        context.addIssue({
          code: 'custom',
          path: ['REGION'],
          message: 'required when JOBS_QUEUE_URL is set',
        });
      }
    });

    expect(() =>
      parseConfig(Paired, { JOBS_QUEUE_URL: 'http://127.0.0.1:9324/queue/jobs' }, { REGION: 'AWS_REGION' }),
    ).toThrow('Invalid configuration: REGION: required when JOBS_QUEUE_URL is set (set by AWS_REGION)');
    expect(parseConfig(Paired, {})).toEqual({ MAX_RECEIVE_COUNT: 3 });
  });

  it('does not put the rejected value of a variable into the message', () => {
    const error = failureOf({ JOBS_QUEUE_URL: 'sk-live-4f9a1b', REGION: 'us-east-1' });

    expect(error.message).not.toContain('sk-live-4f9a1b');
  });
});
