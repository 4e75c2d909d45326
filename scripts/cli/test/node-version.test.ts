import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../src/node-version';
import { runCli } from './support/cli-process';

describe('the Node version check', () => {
  it('accepts Node 22.12 and newer and refuses anything older, naming the version and the way out', () => {
    for (const version of ['22.12.0', '22.23.3', '24.1.0']) expect(nodeVersionProblem(version)).toBeNull();
    expect(nodeVersionProblem('22.11.0')).toContain('you have v22.11.0');
    expect(nodeVersionProblem('20.19.5')).toMatch(
      /^Alex needs Node 22 or newer \(22\.12\+\); you have v20\.19\.5: install it with `nvm install 22`/,
    );
  });

  it('stops `alex jobs` on an older Node with that one line, before any command or the database loads', async () => {
    // Fakes the running version before main.ts loads, as a Node 20 would report it.
    const fake = fileURLToPath(new URL('./fixtures/node-20.mjs', import.meta.url));
    const [human, json] = await Promise.all([
      runCli(['jobs'], { NODE_OPTIONS: `--import=${fake}` }),
      runCli(['jobs', '--json'], { NODE_OPTIONS: `--import=${fake}` }),
    ]);
    expect(human.status).toBe(1);
    expect(human.stderr).toBe(`alex: ${nodeVersionProblem('20.19.5')}\n`);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { message: nodeVersionProblem('20.19.5'), code: 'node_version', exit_code: 1 },
    });
  });
});
