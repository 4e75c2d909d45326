import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AlexError,
  describeError,
  errorCode,
  errorMessage,
  errorName,
  findCause,
  firstLine,
  formatIssues,
  issueLines,
  isTransientError,
  nullIfMissing,
  truncate,
} from '../src';

class ShelfError extends AlexError {}

describe('AlexError', () => {
  it('names itself after its subclass and keeps its cause', () => {
    const cause = new Error('disk full');
    const error = new ShelfError('could not store', { cause });
    expect(error.name).toBe('ShelfError');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(AlexError);
  });

  it('finds a class in a cause chain, or null', () => {
    const inner = new ShelfError('inner');
    const outer = new Error('outer', { cause: new Error('middle', { cause: inner }) });
    expect(findCause(outer, ShelfError)).toBe(inner);
    expect(findCause(new Error('alone'), ShelfError)).toBeNull();
  });
});

describe('error text', () => {
  it('keeps the first line of a message only (drivers append SQL and parameters below it)', () => {
    expect(errorMessage(new Error('Failed query\nselect * from users where email = $1'))).toBe(
      'Failed query',
    );
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage({ weird: true })).toBe('unknown error');
  });

  it('cuts long lines with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(firstLine(`${'x'.repeat(400)}\nsecond`)).toHaveLength(300);
  });

  it('describes an error by its name and first line', () => {
    const throttled = Object.assign(new Error('Rate exceeded\nrequest id 1'), {
      name: 'ThrottlingException',
    });
    expect(describeError(throttled)).toBe('ThrottlingException: Rate exceeded');
    expect(describeError(Object.assign(new Error(''), { name: 'TimeoutError' }))).toBe('TimeoutError');
    expect(errorName(throttled)).toBe('ThrottlingException');
    expect(errorName('nope')).toBe('unknown');
  });
});

describe('formatIssues', () => {
  const Schema = z.object({ user: z.object({ age: z.number().int().min(18) }), name: z.string() });
  const error = Schema.safeParse({ user: { age: 3 }, name: 1 }).error as z.ZodError;

  it('writes one `path: message` per issue on one line', () => {
    expect(formatIssues(error)).toBe(
      'user.age: Too small: expected number to be >=18; name: Invalid input: expected string, received number',
    );
  });

  it('names a root issue when asked and can stop after a few', () => {
    const root = z.string().safeParse(5).error as z.ZodError;
    expect(formatIssues(root)).toBe('Invalid input: expected string, received number');
    expect(formatIssues(root, { root: 'body' })).toBe(
      'body: Invalid input: expected string, received number',
    );
    expect(issueLines(error, { limit: 1 })).toEqual(['user.age: Too small: expected number to be >=18']);
  });
});

describe('isTransientError beyond the database', () => {
  const named = (name: string) => Object.assign(new Error(name), { name });

  it.each([
    ['Bedrock model not ready', named('ModelNotReadyException')],
    ['Bedrock model timeout', named('ModelTimeoutException')],
    ['OpenAI connection error', named('APIConnectionError')],
    ['an SDK error marked retryable', Object.assign(new Error('x'), { $retryable: {} })],
    ['an HTTP client 408', Object.assign(new Error('x'), { status: 408 })],
    ['an HTTP client 502', Object.assign(new Error('x'), { status: 502 })],
  ])('treats %s as transient', (_, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a spent retry budget', named('ModelRetriesExhaustedError')],
    ['access denied even with a 5xx', Object.assign(named('AccessDeniedException'), { $retryable: {} })],
    ['an HTTP client 400', Object.assign(new Error('x'), { status: 400 })],
  ])('treats %s as permanent', (_, error) => {
    expect(isTransientError(error)).toBe(false);
  });

  it('does not look behind a permanent error at a transient cause', () => {
    const cause = named('ThrottlingException');
    expect(
      isTransientError(Object.assign(new Error('x', { cause }), { name: 'ModelRetriesExhaustedError' })),
    ).toBe(false);
  });
});

describe('error codes', () => {
  it('reads the string code a thrown value carries, and nothing from other values', async () => {
    const missing = await readFile('/nonexistent/alex-file').catch((error: unknown) => error);
    expect(errorCode(missing)).toBe('ENOENT');
    expect(errorCode({ code: 'ERR_JWT_EXPIRED' })).toBe('ERR_JWT_EXPIRED');
    expect(errorCode(Object.assign(new Error('x'), { code: 42 }))).toBeUndefined();
    expect(errorCode(new Error('no code'))).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode('ENOENT')).toBeUndefined();
  });

  it('turns a missing file into null and throws every other error again', async () => {
    expect(await readFile('/nonexistent/alex-file', 'utf8').catch(nullIfMissing)).toBeNull();
    await expect(readFile('/', 'utf8').catch(nullIfMissing)).rejects.toMatchObject({ code: 'EISDIR' });
    const other = new Error('disk full');
    expect(() => nullIfMissing(other)).toThrow(other);
  });
});
