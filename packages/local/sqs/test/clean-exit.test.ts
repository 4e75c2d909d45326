import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('stopping', () => {
  it('leaves no timers, sockets or servers behind, so the process exits on its own', async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--no-warnings', '--import', 'tsx', 'test/fixtures/run-and-stop.ts'],
        { cwd: packageDir, timeout: 15_000 },
        (_error, out) => resolve({ code: child.exitCode, stdout: out }),
      );
    });
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([{ handled: 1 }]);
  });
});
