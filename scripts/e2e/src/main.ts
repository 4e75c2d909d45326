import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@alex/local-stack';
import { ensureBundles } from './ensure-bundles';
import { formatReport } from './format-report';
import { parseFullTestEnv } from './full-test-env';
import { BREAKABLE_AGENTS, type BreakableAgent } from './job-expectation';
import { startLocalCloud } from './local-cloud';
import { runFullTest } from './run-full-test';
import { type PoisonDrillResult, runPoisonDrill } from './run-poison-drill';

// `pnpm test:full [--local [--break AGENT]... [--poison]]`: the end-to-end test against a deployed stack
// (settings from the environment) or against a local cloud it starts and stops itself.
const USAGE = `usage: pnpm test:full [--local [--break ${BREAKABLE_AGENTS.join('|')}]... [--poison]]`;
const log = (line: string) => process.stderr.write(`${line}\n`);

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        local: { type: 'boolean', default: false },
        break: { type: 'string', multiple: true, default: [] },
        poison: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();
if (values.help) fail(USAGE, 0);
const unknown = values.break.filter((name) => !(BREAKABLE_AGENTS as readonly string[]).includes(name));
if (unknown.length > 0)
  fail(`--break takes ${BREAKABLE_AGENTS.join(', ')}; not ${unknown.join(', ')}\n${USAGE}`);
const broken = values.break as BreakableAgent[];
if (!values.local && (broken.length > 0 || values.poison)) {
  fail(
    '--break and --poison replace bundles and need a short queue visibility timeout: use them with --local',
  );
}

async function runAgainstAws(): Promise<boolean> {
  const env = parseFullTestEnv(process.env);
  if (!env.ok) fail(env.error);
  const result = await runFullTest(env.value, { log });
  const target = env.value.ALEX_API_URL ? `the API at ${env.value.ALEX_API_URL}` : env.value.ALEX_QUEUE_URL;
  process.stdout.write(`${formatReport(target, result)}\n`);
  return result.passed;
}

async function runLocally(): Promise<boolean> {
  const bundles = await ensureBundles(workspaceRoot(), log);
  if (!bundles.ok) fail(`cannot test locally: ${bundles.reason}`, 1);
  const logFile = join(tmpdir(), `alex-full-local-${Date.now()}.log`);
  log(
    `starting the local cloud${broken.length > 0 ? ` with ${broken.join(', ')} broken` : ''}; function logs: ${logFile}`,
  );
  const cloud = await startLocalCloud({ bundles: bundles.bundles, broken, logs: { file: logFile } });
  try {
    const env = parseFullTestEnv(cloud.env);
    if (!env.ok) throw new Error(env.error);
    const result = await runFullTest(env.value, { broken, log, pollIntervalMs: 500, timeoutMs: 120_000 });
    let poison: PoisonDrillResult | null = null;
    if (values.poison) {
      poison = await runPoisonDrill(env.value, {
        dlqUrl: cloud.dlqUrl,
        maxReceiveCount: cloud.maxReceiveCount,
        deliveries: cloud.deliveries,
        log,
      });
    }
    const target = `the local cloud${broken.length > 0 ? ` (${broken.join(', ')} broken)` : ''}`;
    process.stdout.write(`${formatReport(target, result, poison)}\nfunction logs: ${logFile}\n`);
    return result.passed && (poison?.passed ?? true);
  } finally {
    await cloud.stop();
  }
}

try {
  process.exitCode = (await (values.local ? runLocally() : runAgainstAws())) ? 0 : 1;
} catch (error) {
  fail(`full test stopped: ${error instanceof Error ? error.message : String(error)}`, 1);
}
