// Replacing the authenticator app (decision 0140): only after re-authenticating in this session
// (password here; the passkey path shares verifyAuthentication, tested in the browser), the old
// secret keeps working until a code of the new one is proven, other sessions end, and it is audited.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD } from '../testing/test-harness.ts';
import { totpCode } from './totp.ts';
import { REAUTH_MINUTES } from './reauthentication.ts';

const codeOf = (r: LightMyRequestResponse) => (r.json() as { code?: string }).code;

describeOnBothDatabases('replacing the second factor', (h) => {
  it('needs a recent re-authentication, keeps the old secret until the new code is proven, ends other sessions', async () => {
    const email = 'lucia@refugio.example';
    const { accountId, totpSecret: oldSecret } = await h().createAccount({
      org: 'refugio',
      email,
      role: 'caseworker',
      totp: true,
    });
    assert.ok(oldSecret);
    const session = await h().login(email, TEST_PASSWORD, oldSecret);
    h().clock.advanceMinutes(1);
    const other = await h().login(email, TEST_PASSWORD, oldSecret);

    // The first enrolment route still refuses an enrolled account; the replacement needs re-authentication.
    assert.equal(codeOf(await session.post('/api/auth/totp/setup')), 'auth.totp_already_enrolled');
    const blocked = await session.post('/api/account/totp/replace/setup');
    assert.deepEqual([blocked.statusCode, codeOf(blocked)], [401, 'auth.reauth_required']);

    const wrong = await session.post('/api/account/reauthenticate', { password: 'not my password at all' });
    assert.deepEqual(
      [codeOf(wrong), (wrong.json() as { field?: string }).field],
      ['account.wrong_password', 'password'],
    );
    assert.equal(codeOf(await session.post('/api/account/totp/replace/setup')), 'auth.reauth_required');

    const reauth = await session.post('/api/account/reauthenticate', { password: TEST_PASSWORD });
    assert.equal(reauth.statusCode, 200, reauth.body);
    const setup = await session.post('/api/account/totp/replace/setup');
    assert.equal(setup.statusCode, 200, setup.body);
    const newSecret = (setup.json() as { secret: string }).secret;
    assert.notEqual(newSecret, oldSecret);

    // Until confirmed, the old app still signs in and the new one does not.
    h().clock.advanceMinutes(1);
    const bad = await session.post('/api/account/totp/replace/confirm', {
      code: totpCode(oldSecret, h().clock.now),
    });
    assert.deepEqual([codeOf(bad), (bad.json() as { field?: string }).field], ['auth.totp_invalid', 'code']);
    await h().login(email, TEST_PASSWORD, oldSecret);

    const done = await session.post('/api/account/totp/replace/confirm', { code: totpCode(newSecret, h().clock.now) });
    assert.equal(done.statusCode, 204, done.body);
    assert.equal((await other.get('/api/me')).statusCode, 401, 'another session ends');
    assert.equal((await session.get('/api/me')).statusCode, 200, 'this session stays');

    h().clock.advanceMinutes(1);
    const withOld = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD, totp: totpCode(oldSecret, h().clock.now) },
    });
    assert.equal(codeOf(withOld), 'auth.totp_invalid');
    h().clock.advanceMinutes(1);
    await h().login(email, TEST_PASSWORD, newSecret);

    const audited = await h().ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE record_id = $1 AND action IN ('auth.reauthenticated', 'auth.totp_replaced', 'account.password_confirm_failed') ORDER BY seq`,
      [accountId],
    );
    assert.deepEqual(
      audited.rows.map((r) => r.action),
      ['account.password_confirm_failed', 'auth.reauthenticated', 'auth.totp_replaced'],
    );
  });

  it('a re-authentication lasts a few minutes and belongs to its session', async () => {
    const email = 'mateo@refugio.example';
    const { totpSecret } = await h().createAccount({ org: 'refugio', email, role: 'caseworker', totp: true });
    assert.ok(totpSecret);
    const session = await h().login(email, TEST_PASSWORD, totpSecret);
    h().clock.advanceMinutes(1);
    const other = await h().login(email, TEST_PASSWORD, totpSecret);
    assert.equal((await session.post('/api/account/reauthenticate', { password: TEST_PASSWORD })).statusCode, 200);
    assert.equal(codeOf(await other.post('/api/account/totp/replace/setup')), 'auth.reauth_required');
    h().clock.advanceMinutes(REAUTH_MINUTES + 1);
    assert.equal(codeOf(await session.post('/api/account/totp/replace/setup')), 'auth.reauth_required');
    const pending = await h().ctx.db.query<{ pending: unknown }>(
      'SELECT totp_pending_secret AS pending FROM accounts WHERE email = $1',
      [email],
    );
    assert.equal(pending.rows[0]?.pending, null, 'nothing written without re-authentication');
  });
});
