import { parseArgs } from 'node:util';
import { firstLine } from '@alex/errors';
import type { Command } from './commands/command';
import { CliError, UsageError } from './errors';
import { loadDotEnv } from './local-database';
import { createOutput } from './output';

const json = { type: 'boolean' } as const;

// A command's module loads only when it runs, so `alex portfolio show` does not load the agents and the queue.
const lazy =
  <M>(load: () => Promise<M>, pick: (module: M) => Command['run']): Command['run'] =>
  async (context) =>
    pick(await load())(context);
const analyzeCommand = () => import('./commands/analyze');
const dbCommands = () => import('./commands/db');
const instrumentsCommand = () => import('./commands/instruments');
const invokeCommand = () => import('./commands/invoke');
const jobsCommands = () => import('./commands/jobs');
const portfolioCommands = () => import('./commands/portfolio');
const serveCommand = () => import('./commands/serve');
const simulateCommand = () => import('./commands/simulate');
const planCommand = () => import('./commands/plan');
const tokenCommand = () => import('./commands/token');

const COMMANDS: readonly Command[] = [
  {
    path: ['analyze'],
    usage: 'analyze [--user ID | --portfolio FILE] [--question "…"] [--json] [--html FILE]',
    options: {
      json,
      user: { type: 'string' },
      portfolio: { type: 'string' },
      html: { type: 'string' },
      question: { type: 'string' },
    },
    run: lazy(analyzeCommand, (m) => m.analyze),
  },
  {
    path: ['jobs'],
    usage: 'jobs [--user ID] [--json]',
    options: { json, user: { type: 'string' } },
    run: lazy(jobsCommands, (m) => m.listJobs),
  },
  { path: ['job'], usage: 'job ID [--json]', options: { json }, run: lazy(jobsCommands, (m) => m.showJob) },
  {
    path: ['plan'],
    usage: 'plan [--user ID] [--question "…"] [--json]   (prints the plan, runs nothing)',
    options: { json, user: { type: 'string' }, question: { type: 'string' } },
    run: lazy(planCommand, (m) => m.plan),
  },
  {
    path: ['simulate'],
    usage:
      'simulate [--user ID] [--paths N] [--seed S] [--income $] [--contribution $] [--retire-at AGE] ' +
      '[--strategy constant_real|percent_of_portfolio|guardrails|vpw] [--method parametric|historical|bootstrap] ' +
      '[--solve income|contribution|retirement-age] [--confidence C] [--json]',
    options: {
      json,
      ...Object.fromEntries(
        [
          'user',
          'paths',
          'seed',
          'income',
          'contribution',
          'retire-at',
          'strategy',
          'method',
          'solve',
          'confidence',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
    },
    run: lazy(simulateCommand, (m) => m.simulate),
  },
  {
    path: ['invoke'],
    usage: 'invoke AGENT --event FILE [--json]',
    options: { json, event: { type: 'string' } },
    run: lazy(invokeCommand, (m) => m.invoke),
  },
  {
    path: ['serve'],
    usage: 'serve [--port N]',
    options: { port: { type: 'string' } },
    run: lazy(serveCommand, (m) => m.serveApi),
  },
  {
    path: ['token'],
    usage: 'token --user ID [--name N] [--email E] [--ttl SECONDS]',
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      ttl: { type: 'string' },
    },
    run: lazy(tokenCommand, (m) => m.token),
  },
  {
    path: ['db', 'migrate'],
    usage: 'db migrate [--json]',
    options: { json },
    run: lazy(dbCommands, (m) => m.dbMigrate),
  },
  {
    path: ['db', 'seed'],
    usage: 'db seed [--json]',
    options: { json },
    run: lazy(dbCommands, (m) => m.dbSeed),
  },
  {
    path: ['db', 'reset'],
    usage: 'db reset [--seed] [--json]',
    options: { json, seed: { type: 'boolean' } },
    run: lazy(dbCommands, (m) => m.dbReset),
  },
  {
    path: ['portfolio', 'import'],
    usage: 'portfolio import FILE [--json]',
    options: { json },
    run: lazy(portfolioCommands, (m) => m.portfolioImport),
  },
  {
    path: ['portfolio', 'show'],
    usage: 'portfolio show [--user ID] [--json]',
    options: { json, user: { type: 'string' } },
    run: lazy(portfolioCommands, (m) => m.portfolioShow),
  },
  {
    path: ['instruments', 'import'],
    usage: 'instruments import FILE [--json]',
    options: { json },
    run: lazy(instrumentsCommand, (m) => m.instrumentsImport),
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
  // One line on stderr: the first line of the reason, never cut (usage text may follow for usage errors).
  process.stderr.write(`alex: ${exitCode === 2 ? message : firstLine(message, Number.POSITIVE_INFINITY)}\n`);
  if (process.env.ALEX_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = exitCode;
});
