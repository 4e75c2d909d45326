import { readFile } from 'node:fs/promises';
import { AgentName } from '@alex/contracts';
import { CliError, UsageError } from '../errors';
import { withConfiguredDatabase } from '../local-database';
import { localAgents } from '../local-runtime';
import type { CommandContext } from './command';

/** `alex invoke AGENT --event FILE`: runs one Lambda handler locally on an event file, like `sam local invoke`. */
export async function invoke({ positionals, flags, output }: CommandContext): Promise<void> {
  const agent = AgentName.safeParse(positionals[0]);
  if (!agent.success || positionals.length !== 1 || typeof flags.event !== 'string') {
    throw new UsageError(`usage: alex invoke ${AgentName.options.join('|')} --event FILE [--json]`);
  }
  let event: unknown;
  try {
    event = JSON.parse(await readFile(flags.event, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read event ${flags.event}: ${(error as Error).message}`);
  }
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const response = await localAgents(handle)
      .handlers[agent.data](event)
      .catch((error: unknown) => {
        throw new CliError(`${agent.data} handler failed: ${(error as Error).message}`);
      });
    output.result(response, () => JSON.stringify(response, null, 2));
  });
}
