import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../src/errors';
import { failureOf } from '../src/failure';

describe('failureOf', () => {
  it('keeps the code of an error the CLI did not throw itself, and exits 1', async () => {
    const missing = await readFile('/nonexistent/alex-portfolio.json').catch((error: unknown) => error);
    expect(failureOf(missing)).toEqual({
      message: "ENOENT: no such file or directory, open '/nonexistent/alex-portfolio.json'",
      exitCode: 1,
      code: 'ENOENT',
    });
  });

  it('gives no code to an error without one, and cuts it to its first line', () => {
    expect(failureOf(new Error('Failed query\nselect * from users'))).toEqual({
      message: 'Failed query',
      exitCode: 1,
    });
  });

  it('keeps its own errors’ exit code and code', () => {
    expect(failureOf(new NotFoundError('no job "x"'))).toMatchObject({ exitCode: 1, code: 'not_found' });
  });
});
