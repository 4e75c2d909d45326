import { parseArgs } from 'node:util';
import { CliError, UsageError } from './cli-error';
import { analyze } from './commands/analyze';
import type { Command } from './commands/command';
import { dbMigrate, dbReset, dbSeed } from './commands/db';
import { instrumentsImport } from './commands/instruments';
import { invoke } from './commands/invoke';
import { listJobs, showJob } from './commands/jobs';
import { portfolioImport, portfolioShow } from './commands/portfolio';
import { simulate } from './commands/simulate';
import { loadDotEnv } from './local-database';
import { createOutput } from './output';

const json = { type: 'boolean' } as const;

const COMMANDS: readonly Command[] = [
  {
    path: ['analyze'],
    usage: 'analyze [--user ID | --portfolio FILE] [--json] [--html FILE]',
    options: { json, user: { type: 'string' }, portfolio: { type: 'string' }, html: { type: 'string' } },
    run: analyze,
  },
  {
    path: ['jobs'],
    usage: 'jobs [--user ID] [--json]',
    options: { json, user: { type: 'string' } },
    run: listJobs,
  },
  { path: ['job'], usage: 'job ID [--json]', options: { json }, run: showJob },
  {
    path: ['simulate'],
    usage: 'simulate [--user ID] [--paths N] [--seed S] [--json]',
    options: { json, user: { type: 'string' }, paths: { type: 'string' }, seed: { type: 'string' } },
    run: simulate,
  },
  {
    path: ['invoke'],
    usage: 'invoke AGENT --event FILE [--json]',
    options: { json, event: { type: 'string' } },
    run: invoke,
  },
  { path: ['db', 'migrate'], usage: 'db migrate [--json]', options: { json }, run: dbMigrate },
  { path: ['db', 'seed'], usage: 'db seed [--json]', options: { json }, run: dbSeed },
  {
    path: ['db', 'reset'],
    usage: 'db reset [--seed] [--json]',
    options: { json, seed: { type: 'boolean' } },
    run: dbReset,
  },
  {
    path: ['portfolio', 'import'],
    usage: 'portfolio import FILE [--json]',
    options: { json },
    run: portfolioImport,
  },
  {
    path: ['portfolio', 'show'],
    usage: 'portfolio show [--user ID] [--json]',
    options: { json, user: { type: 'string' } },
    run: portfolioShow,
  },
  {
    path: ['instruments', 'import'],
    usage: 'instruments import FILE [--json]',
    options: { json },
    run: instrumentsImport,
  },
];

function usage(): string {
  return ['usage: pnpm alex <command>', ...COMMANDS.map((command) => `  ${command.usage}`)].join('\n');
}

function findCommand(args: string[]): { command: Command; rest: string[] } {
  const command = COMMANDS.find((candidate) => candidate.path.every((word, i) => args[i] === word));
  if (!command) throw new UsageError(`unknown command "${args.slice(0, 2).join(' ')}"\n${usage()}`);
  return { command, rest: args.slice(command.path.length) };
}

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const { command, rest } = findCommand(argv);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (usage: alex ${command.usage})`);
  }
  loadDotEnv();
  const output = createOutput(parsed.values.json === true);
  await command.run({ flags: parsed.values, positionals: parsed.positionals, output });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const exitCode = error instanceof CliError ? error.exitCode : 1;
  const message = error instanceof Error ? error.message : String(error);
  // One line on stderr: the first line of the reason (usage text may follow for usage errors).
  process.stderr.write(`alex: ${exitCode === 2 ? message : message.split('\n')[0]}\n`);
  if (process.env.ALEX_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = exitCode;
});
