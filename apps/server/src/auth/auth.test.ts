import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD } from '../testing/test-harness.ts';
import { totpCode } from './totp.ts';

function login(
  h: ReturnType<Parameters<Parameters<typeof describeOnBothDatabases>[1]>[0]>,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return h.app.inject({ method: 'POST', url: '/api/auth/login', payload: body as object, headers });
}

describeOnBothDatabases('logging in', (h) => {
  it('runs with the session cache on, as in production', () => {
    assert.equal(h().ctx.sessionCache.enabled, true);
  });

  it('logs a caseworker in with an httpOnly SameSite cookie and a CSRF token', async () => {
    await h().createAccount({ org: 'albergue', email: 'luis@albergue.example', role: 'caseworker' });
    const response = await login(h(), { email: 'Luis@Albergue.example', password: TEST_PASSWORD });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'acompana_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Strict');
    const body = response.json() as { csrfToken: string; me: { role: string; activeOrg: { slug: string } } };
    assert.ok(body.csrfToken.length >= 20);
    assert.equal(body.me.role, 'caseworker');
    assert.equal(body.me.activeOrg.slug, 'albergue');
  });

  it('never stores the password, only an argon2id hash', async () => {
    const { rows } = await h().ctx.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM accounts WHERE email = 'luis@albergue.example'",
    );
    assert.match(rows[0]?.password_hash ?? '', /^\$argon2id\$/);
  });

  it('answers a wrong password with 401 and a translated message', async () => {
    const es = await login(
      h(),
      { email: 'luis@albergue.example', password: 'wrong password' },
      { 'accept-language': 'es-MX,es;q=0.9' },
    );
    assert.equal(es.statusCode, 401);
    assert.deepEqual(es.json(), {
      code: 'auth.invalid_credentials',
      message: 'Correo electrónico o contraseña incorrectos.',
    });
    const en = await login(
      h(),
      { email: 'nobody@albergue.example', password: 'wrong password' },
      { 'accept-language': 'en-US' },
    );
    assert.deepEqual(en.json(), { code: 'auth.invalid_credentials', message: 'Wrong e-mail or password.' });
  });

  it('slows guessing without locking the owner out (no account lock: per address and account, then progressive)', async () => {
    await h().createAccount({ org: 'albergue', email: 'lock@albergue.example', role: 'analyst' });
    const from = (ip: string, password: string) =>
      h().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'lock@albergue.example', password },
        remoteAddress: ip,
      });
    // The owner has signed in from the office before.
    assert.equal((await from('10.20.0.1', TEST_PASSWORD)).statusCode, 200);
    for (let i = 0; i < 5; i++) assert.equal((await from('10.20.0.2', 'nope nope')).statusCode, 401);
    const sixth = await from('10.20.0.2', 'nope nope');
    assert.deepEqual([sixth.statusCode, (sixth.json() as { code: string }).code], [429, 'auth.rate_limited']);
    // The guesser's address is shut out even with the right password, and so is any new place for
    // a moment (the account's progressive delay) …
    assert.equal((await from('10.20.0.2', TEST_PASSWORD)).statusCode, 429);
    assert.equal((await from('10.20.0.3', TEST_PASSWORD)).statusCode, 429);
    // … but the owner, from where they signed in before, is not.
    assert.equal((await from('10.20.0.1', TEST_PASSWORD)).statusCode, 200);
    h().clock.advanceMinutes(16);
    assert.equal((await from('10.20.0.3', TEST_PASSWORD)).statusCode, 200);
  });

  it('asks for the second factor, refuses a wrong or replayed code, accepts a fresh one', async () => {
    const { totpSecret } = await h().createAccount({
      org: 'clinica',
      email: 'ana@clinica.example',
      role: 'lawyer',
      totp: true,
    });
    assert.ok(totpSecret);
    const noCode = await login(h(), { email: 'ana@clinica.example', password: TEST_PASSWORD });
    assert.equal(noCode.statusCode, 401);
    assert.equal((noCode.json() as { code: string }).code, 'auth.totp_required');
    const wrong = await login(h(), {
      email: 'ana@clinica.example',
      password: TEST_PASSWORD,
      totp: '000000' === totpCode(totpSecret, h().clock.now) ? '111111' : '000000',
    });
    assert.deepEqual([wrong.statusCode, (wrong.json() as { field: string }).field], [401, 'totp']);
    const code = totpCode(totpSecret, h().clock.now);
    assert.equal(
      (await login(h(), { email: 'ana@clinica.example', password: TEST_PASSWORD, totp: code })).statusCode,
      200,
    );
    const replay = await login(h(), { email: 'ana@clinica.example', password: TEST_PASSWORD, totp: code });
    assert.equal((replay.json() as { code: string }).code, 'auth.totp_invalid');
    h().clock.advanceMinutes(1);
    assert.equal(
      (
        await login(h(), {
          email: 'ana@clinica.example',
          password: TEST_PASSWORD,
          totp: totpCode(totpSecret, h().clock.now),
        })
      ).statusCode,
      200,
    );
  });

  it('keeps the TOTP secret encrypted in the database', async () => {
    const { rows } = await h().ctx.db.query<{ totp_secret: Uint8Array }>(
      "SELECT totp_secret FROM accounts WHERE email = 'ana@clinica.example'",
    );
    assert.ok(rows[0]?.totp_secret && rows[0].totp_secret.length > 32);
    assert.doesNotMatch(Buffer.from(rows[0].totp_secret).toString('latin1'), /^[A-Z2-7]{32}$/);
  });

  it('rate limits an address that keeps failing', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++)
      last = (await login(h(), { email: `spray${i}@nowhere.example`, password: 'x' })).statusCode;
    assert.equal(last, 429);
  });
});

// This suite runs with the session cache off (ACOMPANA_SESSION_CACHE_MS=0, a supported setting): every
// request reads its session from the database. Every other suite runs with it on, as in production.
describeOnBothDatabases('sessions', { envOverrides: { ACOMPANA_SESSION_CACHE_MS: '0' } }, (h) => {
  it('runs with the session cache off', () => {
    assert.equal(h().ctx.sessionCache.enabled, false);
  });

  it('answers /api/me without a session with 401 {code, message}', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/me' });
    assert.equal(response.statusCode, 401);
    assert.equal((response.json() as { code: string }).code, 'auth.unauthenticated');
    assert.ok((response.json() as { message: string }).message.length > 0);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    await h().createAccount({ org: 'albergue', email: 'csrf@albergue.example', role: 'analyst' });
    const client = await h().login('csrf@albergue.example');
    const without = await client.post('/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    assert.equal(without.statusCode, 403);
    assert.equal((without.json() as { code: string }).code, 'auth.csrf_invalid');
    assert.equal((await client.get('/api/me')).statusCode, 200);
  });

  it('ends a session after 30 idle minutes', async () => {
    await h().createAccount({ org: 'albergue', email: 'idle@albergue.example', role: 'analyst' });
    const client = await h().login('idle@albergue.example');
    h().clock.advanceMinutes(31);
    const response = await client.get('/api/me');
    assert.equal(response.statusCode, 401);
    assert.equal((response.json() as { code: string }).code, 'auth.session_expired');
  });

  it('ends a session after 12 hours even when it is used', async () => {
    await h().createAccount({ org: 'albergue', email: 'long@albergue.example', role: 'analyst' });
    const client = await h().login('long@albergue.example');
    for (let i = 0; i < 25; i++) {
      h().clock.advanceMinutes(29);
      if ((await client.get('/api/me')).statusCode !== 200) break;
    }
    assert.equal((await client.get('/api/me')).statusCode, 401);
  });

  it('logs out this session, and logs out everywhere', async () => {
    await h().createAccount({ org: 'albergue', email: 'multi@albergue.example', role: 'analyst' });
    const laptop = await h().login('multi@albergue.example');
    const phone = await h().login('multi@albergue.example');
    const tablet = await h().login('multi@albergue.example');
    assert.equal((await laptop.post('/api/auth/logout')).statusCode, 204);
    assert.equal((await laptop.get('/api/me')).statusCode, 401);
    assert.equal((await phone.get('/api/me')).statusCode, 200);
    assert.equal((await phone.post('/api/auth/logout-all')).statusCode, 204);
    assert.equal((await tablet.get('/api/me')).statusCode, 401);
  });

  it('makes a role that sees personal data set up two-factor before anything else', async () => {
    await h().createAccount({ org: 'albergue', email: 'new@albergue.example', role: 'caseworker' });
    await h().ctx.db.query(
      "UPDATE accounts SET totp_exempt = false, totp_secret = NULL, totp_enrolled_at = NULL WHERE email = 'new@albergue.example'",
    );
    const client = await h().login('new@albergue.example');
    const me = await client.get('/api/me');
    assert.equal((me.json() as { mustEnrollTotp: boolean }).mustEnrollTotp, true);
    const blocked = await client.get('/api/admin/accounts');
    assert.equal((blocked.json() as { code: string }).code, 'auth.totp_enrollment_required');
    const setup = (await client.post('/api/auth/totp/setup')).json() as { secret: string; otpauthUrl: string };
    assert.match(setup.otpauthUrl, /^otpauth:\/\/totp\//);
    const bad = await client.post('/api/auth/totp/confirm', { code: '12345' });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await client.post('/api/auth/totp/confirm', { code: totpCode(setup.secret, h().clock.now) })).statusCode,
      204,
    );
    assert.equal(((await client.get('/api/me')).json() as { mustEnrollTotp: boolean }).mustEnrollTotp, false);
    // From now on the second factor is required at login.
    const again = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new@albergue.example', password: TEST_PASSWORD },
    });
    assert.equal((again.json() as { code: string }).code, 'auth.totp_required');
  });

  it('switches the active organisation only to one the account belongs to', async () => {
    const { accountId } = await h().createAccount({
      org: 'albergue',
      email: 'two@albergue.example',
      role: 'coordinator',
    });
    const clinic = await h().createOrg('clinica');
    const other = await h().createOrg('ajena');
    await h().ctx.db.query("INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, 'analyst')", [
      accountId,
      clinic,
    ]);
    const client = await h().login('two@albergue.example');
    const switched = await client.post('/api/me/active-org', { orgId: clinic });
    assert.equal(switched.statusCode, 200);
    assert.deepEqual(
      [(switched.json() as { role: string }).role, (switched.json() as { activeOrg: { slug: string } }).activeOrg.slug],
      ['analyst', 'clinica'],
    );
    const refused = await client.post('/api/me/active-org', { orgId: other });
    assert.equal(refused.statusCode, 403);
    assert.equal((refused.json() as { code: string }).code, 'orgs.not_a_member');
  });
});
