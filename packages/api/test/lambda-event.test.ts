import { type ApiGatewayRequestContextV2, handle, type LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';

// An API Gateway HTTP API (payload format 2.0) event, as the API Lambda receives it.
function httpApiEvent(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): LambdaEvent {
  const requestContext: ApiGatewayRequestContextV2 = {
    accountId: '123456789012',
    apiId: 'api',
    authentication: null,
    authorizer: {},
    domainName: 'api.alex.test',
    domainPrefix: 'api',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    requestId: 'request-1',
    routeKey: `ANY ${path}`,
    stage: '$default',
    time: '30/Nov/2026:08:00:00 +0000',
    timeEpoch: 1_795_000_000_000,
  };
  return {
    version: '2.0',
    routeKey: `ANY ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.alex.test', ...headers },
    requestContext,
    isBase64Encoded: false,
    body: body ?? null,
  };
}

describe('the app behind hono/aws-lambda', () => {
  const api = useTestApi();

  it('answers API Gateway v2 events with status, JSON headers and body', async () => {
    const lambda = handle(api.app);
    const token = await api.keys.sign('lambda_user');
    const user = await lambda(httpApiEvent('GET', '/api/user', { authorization: `Bearer ${token}` }));
    expect(user.statusCode).toBe(200);
    expect(user.headers?.['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(user.body).user.clerk_user_id).toBe('lambda_user');
    const account = await lambda(
      httpApiEvent(
        'POST',
        '/api/accounts',
        { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        JSON.stringify({ account_name: 'From Lambda', cash_balance: 10 }),
      ),
    );
    expect([account.statusCode, JSON.parse(account.body).account_name]).toEqual([200, 'From Lambda']);
    const refused = await lambda(httpApiEvent('GET', '/api/accounts', {}));
    expect([refused.statusCode, typeof JSON.parse(refused.body).detail]).toEqual([401, 'string']);
  });
});
