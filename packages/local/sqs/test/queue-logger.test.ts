import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleQueueLogger } from '../src';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('consoleQueueLogger', () => {
  it('writes warnings and errors as one JSON line each and drops info', () => {
    const lines: unknown[] = [];
    const record = (line: unknown) => void lines.push(line);
    vi.spyOn(console, 'warn').mockImplementation(record);
    vi.spyOn(console, 'error').mockImplementation(record);
    vi.spyOn(console, 'info').mockImplementation(record);
    consoleQueueLogger.info('processed SQS batch', { size: 1 });
    consoleQueueLogger.warn('SQS batch failed', { stage: 'handler' });
    consoleQueueLogger.error('SQS event source mapping receive error', { error: 'gone' });
    expect(lines.map((line) => JSON.parse(String(line)))).toEqual([
      { level: 'WARN', message: 'SQS batch failed', stage: 'handler' },
      { level: 'ERROR', message: 'SQS event source mapping receive error', error: 'gone' },
    ]);
  });
});
