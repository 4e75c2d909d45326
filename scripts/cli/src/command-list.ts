import type { ArgumentSpec, Command, OptionSpec } from './commands/command';

const json: OptionSpec = { flags: '--json', description: 'print one JSON document on stdout (errors too)' };
const user = (what: string): OptionSpec => ({
  flags: '--user <id>',
  description: `${what} (default: test_user_001)`,
});
const question: OptionSpec = {
  flags: '--question <text>',
  description: 'a question for this analysis to answer, in your own words',
};
const jobId: ArgumentSpec = { name: '<id>', description: 'the job id (see `alex jobs`)' };

/**
 * Every command with its help. Only this list loads when `alex` starts: a command's module (and with it the
 * database, the agents and the queue) loads when that command runs, so `--help` stays quick.
 */
export const COMMANDS: readonly Command[] = [
  {
    path: ['analyze'],
    description: 'analyse a portfolio with the agents and print the finished job',
    options: [
      user('whose stored portfolio to analyse'),
      { flags: '--portfolio <file>', description: 'import this portfolio file first and analyse it' },
      question,
      { flags: '--html <file>', description: 'also write the report as an HTML page' },
      json,
    ],
    help: 'Example:\n  pnpm alex analyze --portfolio my-portfolio.json --html report.html',
    load: async () => (await import('./commands/analyze')).analyze,
  },
  {
    path: ['jobs'],
    description: "list a user's recent jobs, newest first",
    options: [user('whose jobs'), json],
    load: async () => (await import('./commands/jobs')).listJobs,
  },
  {
    path: ['job'],
    description: 'show one job: its status, agents and payloads',
    arguments: [jobId],
    options: [json],
    load: async () => (await import('./commands/jobs')).showJob,
  },
  {
    path: ['report'],
    description: "print a past job's summary and report, or write its HTML page",
    arguments: [jobId],
    options: [{ flags: '--html <file>', description: 'write the report as an HTML page instead' }, json],
    load: async () => (await import('./commands/report')).report,
  },
  {
    path: ['plan'],
    description: 'print the plan the planner would follow; runs nothing',
    options: [user('whose portfolio to plan for'), question, json],
    load: async () => (await import('./commands/plan')).plan,
  },
  {
    path: ['simulate'],
    description: 'project retirement for a stored portfolio (no model involved)',
    options: [
      user('whose portfolio and goals'),
      { flags: '--paths <n>', description: 'number of simulated paths' },
      { flags: '--seed <s>', description: 'random seed, for repeatable runs' },
      { flags: '--income <dollars>', description: 'yearly retirement income to aim for' },
      { flags: '--contribution <dollars>', description: 'yearly contribution until retirement' },
      { flags: '--retire-at <age>', description: 'retirement age' },
      {
        flags: '--strategy <name>',
        description: 'spending: constant_real, percent_of_portfolio, guardrails or vpw',
      },
      { flags: '--method <name>', description: 'returns: parametric, historical or bootstrap' },
      {
        flags: '--solve <target>',
        description: 'solve for income, contribution or retirement-age at --confidence',
      },
      { flags: '--confidence <c>', description: 'success rate to solve for, a fraction (e.g. 0.9)' },
      json,
    ],
    load: async () => (await import('./commands/simulate')).simulate,
  },
  {
    path: ['invoke'],
    description: 'run one agent handler locally on an event file',
    arguments: [{ name: '<agent>', description: 'planner, tagger, reporter, charter or retirement' }],
    options: [{ flags: '--event <file>', description: 'the event JSON file' }, json],
    load: async () => (await import('./commands/invoke')).invoke,
  },
  {
    path: ['serve'],
    description: 'serve the HTTP API locally on 127.0.0.1',
    options: [{ flags: '--port <n>', description: 'the port to listen on' }],
    load: async () => (await import('./commands/serve')).serveApi,
  },
  {
    path: ['token'],
    description: 'print a token signed by the local key, for the local API',
    options: [
      { flags: '--user <id>', description: 'the user the token is for (required)' },
      { flags: '--name <name>', description: "the user's display name" },
      { flags: '--email <email>', description: "the user's email" },
      { flags: '--ttl <seconds>', description: 'how long the token is valid' },
    ],
    load: async () => (await import('./commands/token')).token,
  },
  {
    path: ['db', 'migrate'],
    description: 'apply the committed migrations',
    options: [json],
    load: async () => (await import('./commands/db')).dbMigrate,
  },
  {
    path: ['db', 'seed'],
    description: 'write the reference instruments and test_user_001 (idempotent)',
    options: [json],
    load: async () => (await import('./commands/db')).dbSeed,
  },
  {
    path: ['db', 'reset'],
    description: 'drop every table and migrate again (asks first)',
    options: [
      { flags: '--seed', description: 'seed after the reset' },
      { flags: '--yes', description: 'do not ask for confirmation (needed when stdin is not a terminal)' },
      json,
    ],
    load: async () => (await import('./commands/db')).dbReset,
  },
  {
    path: ['portfolio', 'import'],
    description: "import a portfolio file (replaces that user's accounts)",
    arguments: [{ name: '<file>', description: 'the portfolio JSON file' }],
    options: [json],
    load: async () => (await import('./commands/portfolio')).portfolioImport,
  },
  {
    path: ['portfolio', 'show'],
    description: "value a user's portfolio",
    options: [user('whose portfolio'), json],
    load: async () => (await import('./commands/portfolio')).portfolioShow,
  },
  {
    path: ['instruments', 'import'],
    description: 'load reference instruments (administrators)',
    arguments: [{ name: '<file>', description: 'the instruments JSON file' }],
    options: [json],
    load: async () => (await import('./commands/instruments')).instrumentsImport,
  },
];

/** What each command group is for, in `alex --help`. */
export const GROUPS: Readonly<Record<string, string>> = {
  db: 'migrate, seed or reset the database',
  portfolio: 'import or show a portfolio',
  instruments: 'load reference instruments',
};
