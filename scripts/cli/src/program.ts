import { CommanderError, Command as Program } from 'commander';
import { COMMANDS, GROUPS } from './command-list';
import type { Command, CommandContext } from './commands/command';
import { type Failure, failureOf, writeFailure } from './failure';
import { createOutput, type Output } from './output';

/** Where a run stands when it fails: whether --json was asked for and whether stdout is still free. */
interface RunState {
  json: boolean;
  output: Output | null;
}

function flagsOf(command: Program): CommandContext['flags'] {
  const values = command.opts();
  const flags: CommandContext['flags'] = {};
  for (const option of command.options) {
    const value = values[option.attributeName()];
    // The commands read flags by their spelling on the command line (`retire-at`, not `retireAt`).
    if (value !== undefined && option.long) flags[option.long.slice(2)] = value as string | boolean;
  }
  return flags;
}

function addCommand(program: Program, spec: Command, state: RunState): void {
  const [group, name] = spec.path.length === 2 ? spec.path : [undefined, spec.path[0]];
  let parent = program;
  if (group) {
    parent = program.commands.find((c) => c.name() === group) ?? program.command(group);
    parent.description(GROUPS[group] ?? '');
  }
  const command = parent.command(name ?? '').description(spec.description);
  for (const argument of spec.arguments ?? []) command.argument(argument.name, argument.description);
  for (const option of spec.options) command.option(option.flags, option.description);
  if (spec.help) command.addHelpText('after', `\n${spec.help}`);
  command.action(async (...args: unknown[]) => {
    const self = args.at(-1) as Program;
    const flags = flagsOf(self);
    state.json = flags.json === true;
    const output = createOutput(state.json);
    state.output = output;
    const [run, { loadDotEnv }] = await Promise.all([spec.load(), import('./local-database')]);
    loadDotEnv();
    await run({ flags, positionals: self.args, output });
  });
}

/** The `alex` program: every command with its help, suggestions for near misses, and no parsing output. */
function buildProgram(state: RunState): Program {
  const program = new Program('alex')
    .usage('<command> [options]')
    .description('Alex, the AI financial planner, on your machine. Run it as `pnpm alex <command>`.')
    .exitOverride()
    // Parse errors are reported by runCli in the project's one-line form, not by commander.
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(true);
  for (const spec of COMMANDS) addCommand(program, spec, state);
  program.addHelpText(
    'after',
    '\nRun `pnpm alex help <command>` or `pnpm alex <command> --help` for its options.',
  );
  return program;
}

/** `alex … --help` for the command the words on the line name, or `alex --help`. */
function helpHint(argv: readonly string[]): string {
  const words = argv.filter((word) => !word.startsWith('-'));
  const known = COMMANDS.map((c) => c.path).find((path) => path.every((word, i) => words[i] === word));
  const named = known ?? (words[0] && words[0] in GROUPS ? [words[0]] : []);
  return `run \`pnpm alex ${[...named, ''].join(' ')}--help\` for usage`;
}

function parseFailure(error: CommanderError, argv: readonly string[]): Failure {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const suggestion = rest.find((line) => line.startsWith('(Did you mean'));
  const code = error.code.replace(/^commander\./, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return {
    message: suggestion ? `${first}; ${suggestion.slice(1, -1).replace(/^Did/, 'did')}` : first,
    exitCode: 2,
    code,
    hint: helpHint(argv),
  };
}

/** Runs `alex ARGV` and returns the exit code: 0 ok, 1 failure, 2 usage. */
export async function runCli(argv: string[]): Promise<number> {
  const state: RunState = { json: argv.includes('--json'), output: null };
  if (argv.length === 0) {
    buildProgram(state).outputHelp();
    return 0;
  }
  try {
    await buildProgram(state).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // A group named without its subcommand (`alex db`): commander has printed the group's help on stderr.
      if (error.code === 'commander.help') return writeFailure(helpFailure(argv), state.json);
      return writeFailure(parseFailure(error, argv), state.json);
    }
    const failure = failureOf(error);
    if (failure.exitCode === 2) failure.hint = helpHint(argv);
    if (process.env.ALEX_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return writeFailure(failure, state.json, !state.output?.wroteResult);
  }
}

function helpFailure(argv: readonly string[]): Failure {
  return { message: `"${argv[0]}" needs a subcommand (listed above)`, exitCode: 2, code: 'usage' };
}
