import { UsageError } from '../errors';
import type { Output } from '../output';

/** What every command receives: its parsed flags, positional arguments and output. */
export interface CommandContext {
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  output: Output;
}

/** A command's implementation, loaded only when the command runs. */
type CommandRun = (context: CommandContext) => Promise<void>;

/** One flag in commander's syntax (`--user <id>`, `--json`) with the sentence its help shows. */
export interface OptionSpec {
  flags: string;
  description: string;
}

/** One positional argument in commander's syntax (`<id>`, `<file>`) with the sentence its help shows. */
export interface ArgumentSpec {
  name: string;
  description: string;
}

/** A CLI command: its name path, arguments, flags, help text and a loader for its implementation. */
export interface Command {
  path: readonly string[];
  description: string;
  /** Positional arguments, in order. */
  arguments?: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** Extra help printed after the options (examples, notes). */
  help?: string;
  load(): Promise<CommandRun>;
}

/** The one positional argument, when there is exactly one and it is not empty; else UsageError(`usage`). */
export function onlyPositional(positionals: readonly string[], usage: string): string {
  const [value, ...extra] = positionals;
  if (!value || extra.length > 0) throw new UsageError(usage);
  return value;
}
