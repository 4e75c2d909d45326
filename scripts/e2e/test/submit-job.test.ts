import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Portfolio } from '@alex/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitThroughApi } from '../src/submit-job';

const TOKEN = 'token-of-user-abc';
const JOB_ID = '7f0c1a52-3b7e-4d0a-9a57-2f1f3c2d9e11';
const requests: { method: string; path: string; body: string }[] = [];

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

// Plays the deployed API over a real socket: API Gateway's 401 without the token, then the app's answers.
const server = createServer(async (request, response) => {
  const body = await bodyOf(request);
  requests.push({ method: request.method ?? '', path: request.url ?? '', body });
  const reply = (status: number, value: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, { message: 'Unauthorized' });
  if (request.method === 'GET' && request.url === '/api/user') {
    return reply(200, { user: { clerk_user_id: 'user_abc', display_name: 'Abc' }, created: false });
  }
  if (request.method === 'POST' && request.url === '/api/analyze') {
    return reply(200, { job_id: JOB_ID, message: 'Analysis started. Check job status for results.' });
  }
  return reply(404, { detail: 'Not found' });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
});

// submitThroughApi reads only the accounts' positions of the portfolio it loads.
const holding = (positions: number) =>
  ({ accounts: [{ positions: Array.from({ length: positions }, () => ({})) }] }) as unknown as Portfolio;

describe('submitThroughApi', () => {
  it("starts the analysis as the token's user, the way the frontend does", async () => {
    const loaded: string[] = [];
    const portfolios = {
      load: async (userId: string) => {
        loaded.push(userId);
        return holding(3);
      },
    };
    const lines: string[] = [];
    const submitted = await submitThroughApi(portfolios, { url, token: TOKEN }, (line) => lines.push(line));
    expect(submitted).toEqual({ ok: true, jobId: JOB_ID, userId: 'user_abc' });
    expect(loaded).toEqual(['user_abc']);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/user', 'POST /api/analyze']);
    expect(JSON.parse(requests[1]?.body ?? '')).toEqual({ analysis_type: 'portfolio', options: {} });
    expect(lines).toEqual([
      `job ${JOB_ID} started through ${url} for user_abc: Analysis started. Check job status for results.`,
    ]);
  });

  it("starts nothing when the token's user holds no positions", async () => {
    const submitted = await submitThroughApi(
      { load: async () => holding(0) },
      { url, token: TOKEN },
      () => {},
    );
    expect(submitted.ok).toBe(false);
    expect(submitted.ok ? '' : submitted.aborted).toMatch(/^the token's user user_abc holds no positions: /);
    expect(requests.map((r) => r.path)).toEqual(['/api/user']);
  });

  it('names the status and the token when API Gateway refuses it', async () => {
    await expect(
      submitThroughApi({ load: async () => holding(1) }, { url, token: 'expired' }, () => {}),
    ).rejects.toThrow(
      'GET /api/user answered 401: {"message":"Unauthorized"} (is ALEX_API_TOKEN a current token with the aud the API expects?)',
    );
  });
});
