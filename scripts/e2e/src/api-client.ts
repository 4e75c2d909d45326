import { z } from 'zod';

/** The two answers of the HTTP API the full test reads (packages/api: GET /api/user, POST /api/analyze). */
const UserAnswer = z.object({ user: z.object({ clerk_user_id: z.string().min(1) }) });
const AnalyzeAnswer = z.object({ job_id: z.uuid(), message: z.string() });

/** Where the API is and the bearer token to call it with (a Clerk session token of a test user). */
export interface ApiTarget {
  url: string;
  token: string;
  fetch?: typeof fetch;
}

async function call(
  target: ApiTarget,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await (target.fetch ?? fetch)(`${target.url.replace(/\/+$/, '')}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${target.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(35_000),
  });
  const text = await response.text();
  if (!response.ok) {
    // API Gateway's own refusals ({"message":"Unauthorized"}) and the app's ({"detail": ...}) both fit here.
    const hint =
      response.status === 401 ? ' (is ALEX_API_TOKEN a current token with the aud the API expects?)' : '';
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}${hint}`);
  }
  return JSON.parse(text) as unknown;
}

/** The user the token belongs to, as the API sees it (GET /api/user creates the row on a first call). */
export async function apiUser(target: ApiTarget): Promise<string> {
  return UserAnswer.parse(await call(target, 'GET', '/api/user')).user.clerk_user_id;
}

/** Starts a portfolio analysis the way the frontend does (POST /api/analyze), returning the job id. */
export async function apiAnalyze(target: ApiTarget): Promise<{ jobId: string; message: string }> {
  const answer = AnalyzeAnswer.parse(
    await call(target, 'POST', '/api/analyze', { analysis_type: 'portfolio', options: {} }),
  );
  return { jobId: answer.job_id, message: answer.message };
}
