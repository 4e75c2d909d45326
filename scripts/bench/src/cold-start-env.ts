import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A stand-in for every AWS endpoint and for Clerk's JWKS: answers each request at once with 403
 * AccessDeniedException, which no SDK client retries (a refused port would be retried with jittered backoff by
 * clients that set maxAttempts).
 */
export async function startDenyingEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = JSON.stringify({
        __type: 'AccessDeniedException',
        message: 'cold-start bench: no AWS here',
      });
      response.writeHead(403, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'AccessDeniedException',
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Lambda-like environment in which every AWS (and JWKS) call fails fast: fake credentials, a denying endpoint. */
export function coldStartEnv(endpoint: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    TZ: 'UTC',
    NODE_ENV: 'production',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: endpoint,
    AWS_MAX_ATTEMPTS: '1',
    DATABASE_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex-bench',
    DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-bench',
    VECTOR_BUCKET: 'alex-bench-vectors',
    LOG_LEVEL: 'error',
    // The API Lambda: its queue and Clerk's JWKS are the same denying endpoint.
    JOBS_QUEUE_URL: `${endpoint}/123456789012/alex-bench-jobs`,
    CLERK_JWKS_URL: `${endpoint}/.well-known/jwks.json`,
    CLERK_ISSUER: 'https://clerk.bench.example',
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * `GET /api/user` with a well-formed RS256 token, as API Gateway (payload format 2.0) delivers it: the API's
 * first call parses the event, routes, and fetches the JWKS to verify the token (refused here, so a 401).
 */
function apiColdStartEvent(): unknown {
  const header = base64url({ alg: 'RS256', kid: 'bench', typ: 'JWT' });
  const claims = base64url({ sub: 'user_bench', iss: 'https://clerk.bench.example', exp: 4_102_444_800 });
  const path = '/api/user';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.bench.example', authorization: `Bearer ${header}.${claims}.c2lnbmF0dXJl` },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'api.bench.example',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: '30/Nov/2026:08:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    isBase64Encoded: false,
  };
}

/** The event a Lambda's cold start is measured with: an agent's first hand-written event, the API's `GET /api/user`. */
export function coldStartEvent(root: string, name: string): { label: string; event: unknown } | undefined {
  if (name === 'api') return { label: 'GET /api/user', event: apiColdStartEvent() };
  const eventsDir = join(root, 'agents', name, 'test', 'events');
  if (!existsSync(eventsDir)) return undefined;
  const file = readdirSync(eventsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()[0];
  return file ? { label: file, event: JSON.parse(readFileSync(join(eventsDir, file), 'utf8')) } : undefined;
}
