import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirmOrThrow } from '../src/confirm';
import { CliError, UsageError } from '../src/errors';

function terminal(answer: string | null) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (chunk: Buffer) => {
    asked += chunk.toString();
    if (answer !== null) input.write(`${answer}\n`);
  });
  return { prompt: { input, output }, asked: () => asked };
}

describe('confirmOrThrow', () => {
  it('asks on a terminal and goes ahead on y or yes', async () => {
    for (const answer of ['y', 'YES']) {
      const { prompt, asked } = terminal(answer);
      await expect(confirmOrThrow('Drop it?', 'pass --yes', prompt)).resolves.toBeUndefined();
      expect(asked()).toBe('Drop it? [y/N] ');
    }
  });

  it('cancels on any other answer, exit code 1', async () => {
    for (const answer of ['', 'n', 'maybe']) {
      const error = await confirmOrThrow('Drop it?', 'pass --yes', terminal(answer).prompt).catch((e) => e);
      expect(error).toBeInstanceOf(CliError);
      expect(error).toMatchObject({ message: 'cancelled; nothing was changed', exitCode: 1 });
    }
  });

  it('refuses with the given reason, exit code 2, when stdin is not a terminal', async () => {
    const prompt = { input: new PassThrough(), output: new PassThrough() };
    const error = await confirmOrThrow('Drop it?', 'no terminal: pass --yes', prompt).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'no terminal: pass --yes', exitCode: 2 });
  });
});
