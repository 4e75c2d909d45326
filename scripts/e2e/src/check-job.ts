import { toCents } from '@alex/analytics';
import {
  ChartsPayload,
  type Job,
  ReportPayload,
  RetirementPayload,
  type SpecialistName,
  SummaryPayload,
} from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import type { z } from 'zod';
import type { JobExpectation } from './job-expectation';

/** One assertion of the full test: its name, whether it held, and what was seen. */
export interface FullTestCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const PAYLOAD_FIELD = {
  reporter: 'reportPayload',
  charter: 'chartsPayload',
  retirement: 'retirementPayload',
} as const satisfies Record<SpecialistName, keyof Job>;

const dollars = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Runs one assertion: `assert` returns what it saw, or throws with what was wrong. */
function check(name: string, assert: () => string): FullTestCheck {
  try {
    return { name, ok: true, detail: assert() };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`${what} does not parse: ${formatIssues(result.error, { root: what, limit: 3 })}`);
}

function chartTotal(charts: ChartsPayload, key: string): number {
  const chart = charts[key];
  if (!chart) throw new Error(`charts_payload has no ${key} chart (keys: ${Object.keys(charts).join(', ')})`);
  return chart.data.reduce((cents, datum) => cents + toCents(datum.value), 0);
}

function specialistChecks(
  job: Job,
  summary: SummaryPayload | null,
  valuationTotal: number,
  name: SpecialistName,
) {
  const agentStatus = () => summary?.agents[name]?.status ?? 'missing';
  const payloadCheck = check(`${name} payload is valid`, () => {
    if (agentStatus() !== 'succeeded') throw new Error(`summary marks ${name} ${agentStatus()}`);
    if (name === 'reporter') {
      const report = parsed(ReportPayload, job.reportPayload, 'report_payload');
      return `${report.content.length} characters of markdown, model ${report.model}`;
    }
    if (name === 'charter') {
      const charts = parsed(ChartsPayload, job.chartsPayload, 'charts_payload');
      return `${Object.keys(charts).length} charts: ${Object.keys(charts).join(', ')}`;
    }
    const retirement = parsed(RetirementPayload, job.retirementPayload, 'retirement_payload');
    return `analysis of ${retirement.analysis.length} characters, model ${retirement.model}`;
  });
  if (name === 'reporter') return [payloadCheck];
  if (name === 'charter') {
    return [
      payloadCheck,
      check('charts reconcile to the cent with the valuation', () => {
        const charts = parsed(ChartsPayload, job.chartsPayload, 'charts_payload');
        const expected = toCents(valuationTotal);
        const sums = ['asset_allocation', 'account_breakdown'].map(
          (key) => [key, chartTotal(charts, key)] as const,
        );
        const seen = sums.map(([key, cents]) => `${key} ${dollars(cents)}`).join(', ');
        if (sums.some(([, cents]) => cents !== expected))
          throw new Error(`${seen}; valuation ${dollars(expected)}`);
        return `${seen} = valuation ${dollars(expected)}`;
      }),
    ];
  }
  return [
    payloadCheck,
    check('retirement simulation is present', () => {
      const { simulation } = parsed(RetirementPayload, job.retirementPayload, 'retirement_payload');
      if (simulation.bands.length === 0) throw new Error('the simulation has no wealth bands');
      return `${simulation.paths} paths, ${simulation.bands.length} yearly bands, success rate ${(simulation.success_rate * 100).toFixed(1)}%`;
    }),
    check('retirement answers are present', () => {
      const { simulation } = parsed(RetirementPayload, job.retirementPayload, 'retirement_payload');
      const { solves = [], strategies = [], sensitivity = [], success_range } = simulation;
      if (solves.length !== 3 || strategies.length !== 4 || sensitivity.length !== 6 || !success_range)
        throw new Error(
          `expected 3 solves, 4 strategies and 6 sensitivity rows, got ${solves.length}, ${strategies.length}, ${sensitivity.length}`,
        );
      const income = solves.find((answer) => answer.target === 'income');
      return `income at ${((income?.confidence ?? 0) * 100).toFixed(0)}% confidence ${income?.value ?? 'none'}; success ${(success_range[0] * 100).toFixed(1)}%-${(success_range[1] * 100).toFixed(1)}% across methods and fees`;
    }),
  ];
}

function brokenCheck(job: Job, summary: SummaryPayload | null, name: SpecialistName): FullTestCheck {
  return check(`${name} (broken on purpose) is recorded as failed`, () => {
    const record = summary?.agents[name];
    if (record?.status !== 'failed') throw new Error(`summary marks ${name} ${record?.status ?? 'missing'}`);
    if (job[PAYLOAD_FIELD[name]] !== null) throw new Error(`${name} payload was written anyway`);
    return `failed with "${record.error ?? ''}", no payload`;
  });
}

/** Every assertion on a finished job: status, summary outcome, each payload, chart reconciliation, simulation. */
export function checkJob(job: Job, valuationTotal: number, expected: JobExpectation): FullTestCheck[] {
  const summaryResult = SummaryPayload.safeParse(job.summaryPayload);
  const summary = summaryResult.success ? summaryResult.data : null;
  const checks = [
    check(`job status is ${expected.status}`, () => {
      if (job.status !== expected.status)
        throw new Error(`status ${job.status} (${job.errorMessage ?? 'no error message'})`);
      return `status ${job.status}, ${job.attempts} attempt(s)`;
    }),
    check(`summary outcome is ${expected.outcome}`, () => {
      const parsedSummary = parsed(SummaryPayload, job.summaryPayload, 'summary_payload');
      if (parsedSummary.outcome !== expected.outcome) throw new Error(`outcome ${parsedSummary.outcome}`);
      const agents = Object.entries(parsedSummary.agents).map(
        ([name, r]) => `${name} ${r.status} ${r.duration_ms} ms`,
      );
      return `plan ${parsedSummary.plan.source}; ${agents.join(', ')}`;
    }),
    check('error message matches the outcome', () => {
      if (expected.failing.length === 0) {
        if (job.errorMessage !== null) throw new Error(`unexpected error message: ${job.errorMessage}`);
        return 'none';
      }
      const missing = expected.failing.filter((name) => !job.errorMessage?.includes(name));
      if (missing.length > 0)
        throw new Error(`"${job.errorMessage ?? ''}" does not name ${missing.join(', ')}`);
      return job.errorMessage ?? '';
    }),
    ...expected.working.flatMap((name) => specialistChecks(job, summary, valuationTotal, name)),
    ...expected.failing.map((name) => brokenCheck(job, summary, name)),
  ];
  if (!expected.taggerBroken) return checks;
  const tagger = check('tagger (broken on purpose) is failed or not called', () => {
    const status = summary?.agents.tagger?.status;
    if (status === undefined) return 'not called: every held instrument is classified';
    if (status !== 'failed') throw new Error(`summary marks tagger ${status}`);
    return 'failed, and the job went on without new classifications';
  });
  return [...checks, tagger];
}
