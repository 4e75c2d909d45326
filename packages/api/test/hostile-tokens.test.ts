import { exportSPKI, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/test-api';
import { ISSUER } from './support/tokens';

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const inTenMinutes = () => Math.floor(Date.now() / 1000) + 600;

describe('tokens crafted to get past the verifier', () => {
  // No authorized parties: each token below is refused for its own flaw, not for a missing `azp`.
  const api = useTestApi();

  async function expectRefused(name: string, token: string) {
    const reply = await api.call('GET', '/api/user', bearer(token));
    expect([name, reply.status, typeof reply.body.detail]).toEqual([name, 401, 'string']);
  }

  it('refuses an unsigned (alg none) token that is otherwise valid', async () => {
    const claims = { sub: 'hostile_none', iss: ISSUER, exp: inTenMinutes() };
    await expectRefused('alg none', `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`);
    await expectRefused('alg none, signature kept', `${part({ alg: 'none' })}.${part(claims)}.c2ln`);
    expect(await api.database.repos.users.find('hostile_none')).toBeNull();
  });

  it('refuses a token signed with HS256 using the public key as the secret', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(api.keys.publicKey));
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setSubject('hostile_hs256')
      .setIssuer(ISSUER)
      .setExpirationTime(inTenMinutes())
      .sign(secret);
    await expectRefused('HS256 with the public key', token);
    expect(await api.database.repos.users.find('hostile_hs256')).toBeNull();
  });

  it('refuses a token without sub, not valid yet, or with a sub no user id can hold', async () => {
    await expectRefused('no sub', await api.keys.sign(null));
    await expectRefused('empty sub', await api.keys.sign(''));
    await expectRefused('nbf in the future', await api.keys.sign('hostile_nbf', { notBefore: 120 }));
    await expectRefused('256-character sub', await api.keys.sign('u'.repeat(256)));
    await expectRefused('sub with NUL', await api.keys.sign('hostile\u0000nul'));
    await expectRefused('sub with a lone surrogate', await api.keys.sign('hostile_\uD800'));
    await expectRefused(
      'numeric sub',
      await api.keys.sign(null, { claims: { sub: 42 as unknown as string } }),
    );
    expect(await api.database.repos.users.find('hostile_nbf')).toBeNull();
  });

  it('accepts a 255-character sub as the user id', async () => {
    const sub = `user_${'x'.repeat(250)}`;
    const reply = await api.call('GET', '/api/user', bearer(await api.keys.sign(sub)));
    expect([reply.status, reply.body.user?.clerk_user_id]).toEqual([200, sub]);
  });

  it('creates the first profile from a name claim PostgreSQL could not store as given', async () => {
    const cases = [
      ['name_nul', { name: 'Ada\u0000Lovelace' }, 'AdaLovelace'],
      ['name_long', { name: 'n'.repeat(10_000) }, 'n'.repeat(255)],
      ['name_emoji', { name: `${'a'.repeat(254)}😀😀` }, `${'a'.repeat(254)}😀`],
      ['name_blank', { name: '\u0000 \u0007', email: 'grace@example.com' }, 'grace'],
      ['name_surrogate', { name: '\uDC00', email: '\u0000@example.com' }, 'New User'],
    ] as const;
    for (const [sub, claims, expected] of cases) {
      const reply = await api.call('GET', '/api/user', bearer(await api.keys.sign(sub, { claims })));
      expect([sub, reply.status, reply.body.user?.display_name]).toEqual([sub, 200, expected]);
      expect((await api.database.repos.users.find(sub))?.displayName).toBe(expected);
    }
  });

  it('never logs a token or its claims, whether it is accepted or refused', async () => {
    const claims = { name: 'Secret Name', email: 'secret@example.com' };
    const valid = await api.keys.sign('hostile_logged', { claims });
    const expired = await api.keys.sign('hostile_logged', { claims, expiresIn: -120 });
    const foreign = await api.keys.sign('hostile_logged', { claims, foreignKey: true });
    await api.call('GET', '/api/user', bearer(valid));
    api.queue.failing = true;
    const failed = await api.call('POST', '/api/analyze', { ...bearer(valid), json: {} });
    api.queue.failing = false;
    expect(failed.status).toBe(503);
    for (const token of [expired, foreign, `${valid}x`]) await api.call('GET', '/api/user', bearer(token));
    const logged = JSON.stringify(api.logger.lines);
    expect(logged).toContain('analysis job could not be queued');
    expect(logged).toContain('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    for (const token of [valid, expired, foreign]) {
      for (const segment of token.split('.')) expect(logged).not.toContain(segment);
    }
    expect(logged).not.toContain('Secret Name');
    expect(logged).not.toContain('secret@example.com');
  });
});
