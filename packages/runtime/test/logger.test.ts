import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJsonLogger, createMemoryLogger, type JsonLoggerOptions } from '../src';

/** A JSON logger writing into an array of raw lines. */
function capturedLogger(options: Partial<JsonLoggerOptions> = {}) {
  const raw: string[] = [];
  const logger = createJsonLogger({ service: 'planner', write: (line) => raw.push(line), ...options });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createJsonLogger', () => {
  it('writes one JSON object per call with level, time, service, message and attributes', () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T12:00:00.000Z') });
    const { logger, raw } = capturedLogger();

    logger.info('job claimed', { jobId: 'j-1', attempt: 2 });

    expect(raw).toEqual([
      '{"level":"info","time":"2025-03-01T12:00:00.000Z","service":"planner","message":"job claimed","jobId":"j-1","attempt":2}',
    ]);
  });

  it('keeps a multi-line message on one output line', () => {
    const { logger, raw, lines } = capturedLogger();

    logger.warn('first\nsecond');

    expect(raw).toHaveLength(1);
    expect(raw[0]).not.toContain('\n');
    expect(lines()[0]?.message).toBe('first\nsecond');
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capturedLogger({ level: 'warn' });

    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');

    expect(lines().map((line) => [line.level, line.message])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });

  it('logs from info upwards when no level is given', () => {
    const { logger, lines } = capturedLogger();

    logger.debug('hidden');
    logger.info('shown');

    expect(lines().map((line) => line.message)).toEqual(['shown']);
  });

  it('writes an Error attribute as its name and message, without the stack', () => {
    const { logger, raw, lines } = capturedLogger();
    const error = Object.assign(new TypeError('price is not a number'), { code: 'E_PRICE' });

    logger.error('refresh failed', { error });

    expect(lines()[0]?.error).toEqual({ name: 'TypeError', message: 'price is not a number' });
    expect(raw[0]).not.toContain('at ');
    expect(raw[0]).not.toContain('E_PRICE');
  });

  it('gives a child logger’s lines the parent’s and the child’s attributes', () => {
    const { logger, lines } = capturedLogger({ attributes: { region: 'us-east-1' } });

    const job = logger.child({ jobId: 'j-1' });
    job.child({ agent: 'tagger' }).info('tagged', { symbols: 3 });
    logger.info('parent line');

    expect(lines()).toEqual([
      expect.objectContaining({ region: 'us-east-1', jobId: 'j-1', agent: 'tagger', symbols: 3 }),
      expect.not.objectContaining({ jobId: expect.anything() }),
    ]);
  });

  it('lets a line’s attribute override the same child attribute for that line only', () => {
    const { logger, lines } = capturedLogger();
    const job = logger.child({ agent: 'planner', jobId: 'j-1' });

    job.info('delegated', { agent: 'reporter' });
    job.info('waiting');

    expect(lines().map((line) => line.agent)).toEqual(['reporter', 'planner']);
  });

  it('keeps the level and writer of its parent in a child logger', () => {
    const { logger, lines } = capturedLogger({ level: 'error' });

    logger.child({ jobId: 'j-1' }).warn('not written');
    logger.child({ jobId: 'j-1' }).error('written');

    expect(lines().map((line) => line.message)).toEqual(['written']);
  });

  it('writes to stderr by default, one line each', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

    createJsonLogger({ service: 'cli' }).info('ready');

    expect(written).toHaveLength(1);
    expect(written[0]?.endsWith('}\n')).toBe(true);
    expect(JSON.parse(written[0] ?? '')).toMatchObject({ service: 'cli', message: 'ready' });
  });
});

describe('createMemoryLogger', () => {
  it('keeps every line, debug included, as parsed objects', () => {
    const logger = createMemoryLogger('reporter');

    logger.debug('prompt built', { tokens: 512 });
    logger.child({ jobId: 'j-1' }).error('stopped');

    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'debug', service: 'reporter', message: 'prompt built', tokens: 512 }),
      expect.objectContaining({ level: 'error', service: 'reporter', message: 'stopped', jobId: 'j-1' }),
    ]);
  });

  it('is named test unless told otherwise', () => {
    const logger = createMemoryLogger();

    logger.info('x');

    expect(logger.lines[0]?.service).toBe('test');
  });
});
