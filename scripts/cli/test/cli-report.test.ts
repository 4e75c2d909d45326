import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ReportPayload } from '@alex/contracts';
import { newDataDir } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stopDataDirServer } from './support/cli-process';

const dataDir = newDataDir('alex-report-');
const env = { ALEX_DATA_DIR: dataDir, TZ: 'UTC' };
const cli = (...args: string[]) => runCli(args, env, { timeoutMs: 180_000 });
let job: { id: string; report_payload: unknown };

beforeAll(async () => {
  const run = await cli('analyze', '--json');
  expect(run.status, run.stderr).toBe(0);
  job = JSON.parse(run.stdout);
}, 180_000);
afterAll(() => {
  stopDataDirServer(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('alex report', () => {
  it("prints a past job's summary, as `alex job` does, followed by its report markdown", async () => {
    const [report, shown] = await Promise.all([cli('report', job.id), cli('job', job.id)]);
    expect(report.status, report.stderr).toBe(0);
    const markdown = ReportPayload.parse(job.report_payload).content.trim();
    expect(report.stdout).toBe(`${shown.stdout.trimEnd()}\n\n${markdown}\n`);
  });

  it('writes the HTML page with --html and prints the job row with --json', async () => {
    const file = join(dataDir, 'report.html');
    const [html, json] = await Promise.all([
      cli('report', job.id, '--html', file),
      cli('report', job.id, '--json'),
    ]);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toBe(`wrote ${file} (job ${job.id}, completed)\n`);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain(job.id);
    expect(JSON.parse(json.stdout)).toEqual(job);
  });

  it('fails with exit 1 and a clear line for an unknown job, one JSON error with --json', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const [human, json] = await Promise.all([cli('report', unknown), cli('report', 'not-a-job', '--json')]);
    expect(human.status).toBe(1);
    expect(human.stderr).toContain(`alex: no job "${unknown}"`);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        message: 'no job "not-a-job": `pnpm alex jobs --user ID` lists a user\'s jobs',
        code: 'not_found',
        exit_code: 1,
      },
    });
  });
});
