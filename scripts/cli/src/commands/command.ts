import type { Output } from '../output';

/** What every command receives: its parsed flags, positional arguments and output. */
export interface CommandContext {
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  output: Output;
}

/** A CLI command: its name path, flags, usage line and implementation. */
export interface Command {
  path: readonly string[];
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run(context: CommandContext): Promise<void>;
}
