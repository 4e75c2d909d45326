import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newDataDir } from '@alex/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, runCli, startCli, stopDataDirServer } from './support/cli-process';

// A model endpoint that accepts chat completion requests and never answers: the CLI is killed mid-job.
let model: Server;
let modelUrl = '';
let modelRequests = 0;
let requestArrived: () => void = () => {};
const firstRequest = new Promise<void>((resolve) => {
  requestArrived = resolve;
});
let dataDir = '';
const started: CliProcess[] = [];

beforeAll(async () => {
  dataDir = newDataDir('alex-crash-');
  model = createServer((request) => {
    if (request.method === 'POST') {
      modelRequests += 1;
      requestArrived();
    }
    request.resume();
    // No answer, ever; the connection is destroyed when the server closes.
  });
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  modelUrl = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  for (const cli of started) cli.killGroup('SIGKILL');
  model.closeAllConnections();
  await new Promise<void>((resolve) => model.close(() => resolve()));
  stopDataDirServer(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

const offline = () => ({ ALEX_DATA_DIR: dataDir, TZ: 'UTC' });

async function jobRow(id: string) {
  const run = await runCli(['job', id, '--json'], offline());
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { status: string; attempts: number; claimed_by: string | null };
}

describe('a CLI process killed in the middle of a job', () => {
  it('leaves the job running, and the next `alex analyze` resumes and completes it', async () => {
    const first = startCli(['analyze', '--json'], {
      ...offline(),
      LLM_BASE_URL: modelUrl,
      LLM_MODEL: 'test',
    });
    started.push(first);
    const [, jobId] = await first.waitForStderr(/job ([0-9a-f-]{36}) queued/, 90_000);
    await Promise.race([
      firstRequest,
      first.exited.then(() => {
        throw new Error(`alex analyze exited before asking the model:\n${first.stderr()}`);
      }),
    ]);
    expect(modelRequests).toBeGreaterThan(0);
    first.killGroup('SIGKILL');
    expect(await first.exited).toBeNull();

    const abandoned = await jobRow(jobId as string);
    expect(abandoned).toMatchObject({ status: 'running', attempts: 1 });
    expect(abandoned.claimed_by).toMatch(/^local:/);

    // Offline this time: the new local stack's sweep finds the dead owner and runs the job again.
    const second = await runCli(['analyze', '--json'], offline(), { timeoutMs: 180_000 });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(`resumed 1 abandoned job: ${jobId}`);
    const fresh = JSON.parse(second.stdout) as { id: string; status: string };
    expect(fresh.status).toBe('completed');
    expect(fresh.id).not.toBe(jobId);

    const resumed = await jobRow(jobId as string);
    expect(resumed).toMatchObject({ status: 'completed', attempts: 2 });
  }, 360_000);
});
