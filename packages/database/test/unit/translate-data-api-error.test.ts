import { describe, expect, it } from 'vitest';
import { translateDataApiError } from '../../src/drivers/data-api';
import { ResultTooLargeError } from '../../src/errors';

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('translateDataApiError', () => {
  it.each([
    ['BadRequestException', 'Database returned more than the allowed response size limit'],
    ['BadRequestException', 'Database response exceeded size limit'],
    ['UnsupportedResultException', 'The result exceeds the size limit 1 MB'],
  ])('turns %s "%s" into a ResultTooLargeError that keeps the cause', (name, message) => {
    const original = named(name, message);
    const translated = translateDataApiError(original);
    expect(translated).toBeInstanceOf(ResultTooLargeError);
    expect((translated as Error).name).toBe('ResultTooLargeError');
    expect((translated as Error).message).toContain('1 MiB');
    expect((translated as Error).cause).toBe(original);
  });

  it('passes every other error through unchanged', () => {
    const constraint = named(
      'DatabaseErrorException',
      'ERROR: new row violates check constraint "jobs_status_valid"',
    );
    expect(translateDataApiError(constraint)).toBe(constraint);
    expect(translateDataApiError('not an error')).toBe('not an error');
  });
});
