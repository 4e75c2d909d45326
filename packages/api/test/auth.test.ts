import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';
import { ISSUER } from './support/tokens';

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

// A token with `alg: none`: header and claims, no signature.
function unsignedToken(sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 600;
  // With the authorized party, so only the missing signature can refuse it.
  const claims = { sub, iss: ISSUER, exp, azp: 'http://localhost:3000' };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

describe('authentication', () => {
  const api = useTestApi({ authorizedParties: ['http://localhost:3000'] });
  const valid = (sub: string) => api.keys.sign(sub, { claims: { azp: 'http://localhost:3000' } });

  it('answers /health without a token', async () => {
    const reply = await api.call('GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('healthy');
    expect(Number.isNaN(Date.parse(reply.body.timestamp))).toBe(false);
  });

  it('accepts a valid token and uses its sub as the user id', async () => {
    const reply = await api.call('GET', '/api/user', bearer(await valid('auth_valid')));
    expect(reply.status).toBe(200);
    expect(reply.body.user.clerk_user_id).toBe('auth_valid');
  });

  it('refuses a missing, malformed, expired, foreign-signed, other-issuer or unsigned token with 401', async () => {
    const refused = {
      missing: {},
      'not bearer': { headers: { Authorization: 'Basic dXNlcjpwYXNz' } },
      malformed: bearer('not.a.jwt'),
      expired: bearer(
        await api.keys.sign('auth_bad', { expiresIn: -120, claims: { azp: 'http://localhost:3000' } }),
      ),
      'wrong signature': bearer(
        await api.keys.sign('auth_bad', { foreignKey: true, claims: { azp: 'http://localhost:3000' } }),
      ),
      'other issuer': bearer(
        await api.keys.sign('auth_bad', {
          issuer: 'https://evil.test',
          claims: { azp: 'http://localhost:3000' },
        }),
      ),
      'alg none': bearer(unsignedToken('auth_bad')),
      'unauthorized party': bearer(await api.keys.sign('auth_bad', { claims: { azp: 'https://evil.test' } })),
      'no party': bearer(await api.keys.sign('auth_bad')),
    };
    for (const [name, call] of Object.entries(refused)) {
      const reply = await api.call('GET', '/api/accounts', call);
      expect([name, reply.status, typeof reply.body.detail]).toEqual([name, 401, 'string']);
    }
    expect(await api.database.repos.users.find('auth_bad')).toBeNull();
  });

  it('logs why a token was refused without any of its content', async () => {
    const token = await api.keys.sign('auth_secret_sub', { expiresIn: -120 });
    await api.call('GET', '/api/user', bearer(token));
    const logged = JSON.stringify(api.logger.lines);
    expect(logged).toContain('ERR_JWT_EXPIRED');
    expect(logged).not.toContain(token.split('.')[1]);
    expect(logged).not.toContain('auth_secret_sub');
  });

  it('allows the configured browser origin and no other', async () => {
    const preflight = (origin: string) =>
      api.app.request('/api/accounts', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    const refused = await preflight('https://evil.test');
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('serves an OpenAPI 3.1 document built from the request schemas', async () => {
    const reply = await api.call('GET', '/openapi.json');
    expect(reply.body.openapi).toBe('3.1.0');
    const put = reply.body.paths['/api/user'].put.requestBody.content['application/json'].schema;
    expect(put.additionalProperties).toBe(false);
    expect(Object.keys(put.properties)).toContain('current_age');
    expect(Object.keys(reply.body.paths)).toHaveLength(13);
  });
});
