// The session cookie over HTTPS is __Host-acompana_session (Secure, Path=/, no Domain): a cookie of
// the bare name, as a sibling subdomain or a plain-http page could plant, opens nothing. On plain
// http (the local demo) the bare name stays, since browsers refuse a __Host- cookie without Secure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, TEST_PASSWORD, type TestHarness } from '../testing/test-harness.ts';

describe('session cookie prefix', () => {
  let secure: TestHarness;
  let plain: TestHarness;
  before(async () => {
    secure = await startHarness('pglite', { envOverrides: { ACOMPANA_SECURE_COOKIES: 'true' } });
    plain = await startHarness('pglite');
    for (const h of [secure, plain]) await h.createAccount({ org: 'casa', email: 'ana@casa.example', role: 'analyst' });
  });
  after(async () => {
    await secure?.close();
    await plain?.close();
  });

  const login = (h: TestHarness) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ana@casa.example', password: TEST_PASSWORD },
    });

  it('over HTTPS: __Host- prefix, Secure, Path=/, no Domain; the bare name is not accepted', async () => {
    const answer = await login(secure);
    assert.equal(answer.statusCode, 200, answer.body);
    const header = String(answer.headers['set-cookie']);
    assert.match(header, /^__Host-acompana_session=[^;]+;/);
    assert.match(header, /; Secure/);
    assert.match(header, /; Path=\//);
    assert.doesNotMatch(header, /Domain=/i);
    const cookie = answer.cookies.find((c) => c.name === '__Host-acompana_session');
    assert.ok(cookie);
    const me = (name: string) =>
      secure.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${name}=${cookie.value}` } });
    assert.equal((await me('__Host-acompana_session')).statusCode, 200);
    assert.equal((await me('acompana_session')).statusCode, 401);
    const out = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie: `__Host-acompana_session=${cookie.value}`,
        'x-csrf-token': (answer.json() as { csrfToken: string }).csrfToken,
      },
    });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /^__Host-acompana_session=;.*Secure/);
  });

  it('on plain http (local demo): the bare name, not Secure', async () => {
    const header = String((await login(plain)).headers['set-cookie']);
    assert.match(header, /^acompana_session=/);
    assert.doesNotMatch(header, /Secure/);
  });
});
