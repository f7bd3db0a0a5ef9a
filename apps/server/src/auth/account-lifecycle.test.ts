// Accounts only their owner controls, on both databases, with a real SMTP server: an admin invites
// (never seeing a link, password or second factor), the invitee chooses the password and sets up
// two-factor; password change; "forgot password" through the mailbox that still needs the second
// factor; recovery codes; an admin disables, enables, removes and forces a reset.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { databaseKinds } from '../testing/on-both-databases.ts';
import { clientFor, startHarness, type ApiClient, type TestHarness } from '../testing/test-harness.ts';
import { startTestMailbox, type TestMailbox } from '../testing/test-mailbox.ts';
import { totpCode } from './totp.ts';

const codeOf = (r: LightMyRequestResponse) => (r.json() as { code?: string }).code;

function sessionFrom(h: TestHarness, response: LightMyRequestResponse): ApiClient {
  const cookie = response.cookies.find((c) => c.name === 'acompana_session');
  assert.ok(cookie, `no session cookie: ${response.statusCode} ${response.body}`);
  return clientFor(h.app, `acompana_session=${cookie.value}`, (response.json() as { csrfToken: string }).csrfToken);
}

const post = (h: TestHarness, url: string, payload: object, remoteAddress = '127.0.0.1') =>
  h.app.inject({ method: 'POST', url, payload, remoteAddress });

async function count(h: TestHarness, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await h.ctx.db.query<{ n: number }>(sql, params)).rows[0]?.n);
}

for (const kind of databaseKinds) {
  describe(`account lifecycle [${kind}]`, () => {
    let h: TestHarness;
    let mailbox: TestMailbox;
    let admin: ApiClient;
    const invitee = 'invitada@casa.example';
    const newPassword = 'una clave que solo ella sabe';
    let secret = '';

    before(async () => {
      mailbox = await startTestMailbox();
      h = await startHarness(kind, {
        envOverrides: { ACOMPANA_SMTP_URL: mailbox.url, ACOMPANA_PUBLIC_URL: 'https://acompana.example.org' },
      });
      await h.createAccount({ org: 'casa', email: 'admin@casa.example', role: 'admin' });
      admin = await h.login('admin@casa.example');
    });
    after(async () => {
      await h.close();
      await mailbox.close();
    });

    it('invites by e-mail: the admin gets no password, secret or link, and cannot set a password', async () => {
      const withPassword = await admin.post('/api/admin/accounts', {
        email: invitee,
        displayName: 'Invitada',
        role: 'caseworker',
        password: 'elegida por el admin',
      });
      assert.deepEqual([withPassword.statusCode, codeOf(withPassword)], [400, 'validation.unknown_field']);
      const invited = await admin.post('/api/admin/accounts', {
        email: invitee,
        displayName: 'Invitada',
        role: 'caseworker',
      });
      assert.equal(invited.statusCode, 202, invited.body);
      assert.deepEqual(Object.keys(invited.json() as object).sort(), ['expiresAt', 'invitationId']);
      const token = await mailbox.linkToken(invitee, 'invitation');
      assert.ok(!invited.body.includes(token));
      assert.match(
        (await mailbox.waitFor(invitee)).body,
        /https:\/\/acompana\.example\.org\/app\/account\/invitation#token=/,
      );
      // Only the hash is stored.
      assert.equal(
        await count(h, 'SELECT count(*)::int AS n FROM account_invitations WHERE token_hash = $1', [token]),
        0,
      );
    });

    it('refuses a short password at acceptance and writes nothing', async () => {
      const token = await mailbox.linkToken(invitee, 'invitation');
      const info = await post(h, '/api/account/invitation/inspect', { token });
      assert.equal(info.statusCode, 200);
      assert.deepEqual((info.json() as { existingAccount: boolean; role: string }).existingAccount, false);
      const short = await post(h, '/api/account/invitation/accept', { token, password: 'corta' });
      assert.deepEqual([short.statusCode, codeOf(short)], [400, 'orgs.weak_password']);
      assert.equal(await count(h, 'SELECT count(*)::int AS n FROM accounts WHERE email = $1', [invitee]), 0);
    });

    it('lets the invitee choose the password and set up two-factor, once', async () => {
      const token = await mailbox.linkToken(invitee, 'invitation');
      const accepted = await post(h, '/api/account/invitation/accept', { token, password: newPassword });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const me = (accepted.json() as { me: { mustEnrollTotp: boolean; role: string } }).me;
      assert.deepEqual([me.role, me.mustEnrollTotp], ['caseworker', true]);
      const owner = sessionFrom(h, accepted);
      const setup = (await owner.post('/api/auth/totp/setup')).json() as { secret: string };
      secret = setup.secret;
      assert.equal(
        (await owner.post('/api/auth/totp/confirm', { code: totpCode(secret, h.clock.now) })).statusCode,
        204,
      );
      // Enrolling a second time: a stable error, and the pending secret is not replaced.
      const again = await owner.post('/api/auth/totp/setup');
      assert.deepEqual([again.statusCode, codeOf(again)], [409, 'auth.totp_already_enrolled']);
      assert.equal(
        await count(h, 'SELECT count(*)::int AS n FROM accounts WHERE email = $1 AND totp_pending_secret IS NULL', [
          invitee,
        ]),
        1,
      );
      // The link is spent.
      const reused = await post(h, '/api/account/invitation/accept', { token, password: 'otra clave más larga' });
      assert.deepEqual([reused.statusCode, codeOf(reused)], [410, 'account.link_used']);
      const inspectReused = await post(h, '/api/account/invitation/inspect', { token }, '10.0.0.1');
      assert.equal(codeOf(inspectReused), 'account.link_used');
    });

    it('answers expired, unknown and replaced links with their own codes, translated, writing nothing', async () => {
      const before = mailbox.mails.length;
      await admin.post('/api/admin/accounts', { email: 'tarde@casa.example', displayName: 'Tarde', role: 'analyst' });
      const first = await mailbox.linkToken('tarde@casa.example', 'invitation', before);
      const mid = mailbox.mails.length;
      await admin.post('/api/admin/accounts', { email: 'tarde@casa.example', displayName: 'Tarde', role: 'analyst' });
      const second = await mailbox.linkToken('tarde@casa.example', 'invitation', mid);
      const replaced = await post(h, '/api/account/invitation/accept', { token: first, password: newPassword });
      assert.equal(codeOf(replaced), 'account.link_invalid');
      h.clock.advanceMinutes(8 * 24 * 60);
      const expired = await h.app.inject({
        method: 'POST',
        url: '/api/account/invitation/accept',
        payload: { token: second, password: newPassword },
        headers: { 'accept-language': 'en' },
      });
      assert.deepEqual(expired.json(), {
        code: 'account.link_expired',
        message: 'This link has expired. Ask for a new one.',
        field: 'token',
      });
      const unknown = await post(h, '/api/account/invitation/inspect', { token: 'x'.repeat(43) });
      assert.deepEqual([unknown.statusCode, codeOf(unknown)], [400, 'account.link_invalid']);
      assert.equal(await count(h, "SELECT count(*)::int AS n FROM accounts WHERE email = 'tarde@casa.example'"), 0);
    });

    it('signs in with password and TOTP, or with a single-use recovery code', async () => {
      h.clock.advanceMinutes(1);
      const owner = await h.login(invitee, newPassword, secret);
      const noPassword = await owner.post('/api/account/recovery-codes', {});
      assert.equal(noPassword.statusCode, 400);
      const wrong = await owner.post('/api/account/recovery-codes', { password: 'no es la clave' });
      assert.deepEqual([wrong.statusCode, codeOf(wrong)], [400, 'account.wrong_password']);
      const made = await owner.post('/api/account/recovery-codes', { password: newPassword });
      const { codes } = made.json() as { codes: string[] };
      assert.equal(codes.length, 10);
      assert.equal(((await owner.get('/api/account/recovery-codes')).json() as { remaining: number }).remaining, 10);
      const stored = await h.ctx.db.query<{ code_hash: string; salt: string }>(
        'SELECT code_hash, salt FROM recovery_codes',
      );
      assert.ok(stored.rows.every((r) => !codes.includes(r.code_hash) && /^[0-9a-f]{64}$/.test(r.code_hash)));
      // A random 32-bit salt per code (ASVS 2.6.2: the codes have fewer than 112 bits).
      assert.equal(new Set(stored.rows.map((r) => r.salt)).size, 10);
      assert.ok(stored.rows.every((r) => /^[0-9a-f]{8}$/.test(r.salt)));
      const code = (codes[0] as string).toUpperCase();
      const withCode = await post(h, '/api/auth/login', { email: invitee, password: newPassword, recoveryCode: code });
      assert.equal(withCode.statusCode, 200, withCode.body);
      const reused = await post(h, '/api/auth/login', { email: invitee, password: newPassword, recoveryCode: code });
      assert.deepEqual([reused.statusCode, codeOf(reused)], [401, 'account.recovery_code_invalid']);
    });

    it('changes the password only with the current one, ending the other sessions', async () => {
      h.clock.advanceMinutes(1);
      const here = await h.login(invitee, newPassword, secret);
      h.clock.advanceMinutes(1);
      const elsewhere = await h.login(invitee, newPassword, secret);
      const wrong = await here.post('/api/account/password', {
        currentPassword: 'adivinada',
        newPassword: 'otra clave larga',
      });
      assert.deepEqual([wrong.statusCode, codeOf(wrong)], [400, 'account.wrong_password']);
      const changed = await here.post('/api/account/password', {
        currentPassword: newPassword,
        newPassword: 'la clave nueva de ella',
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal((await here.get('/api/me')).statusCode, 200);
      assert.equal((await elsewhere.get('/api/me')).statusCode, 401);
      // The owner is told, in a message with no link (ASVS 2.2.3).
      let notice: string | undefined;
      for (let i = 0; i < 100 && !notice; i++) {
        notice = mailbox.mails.find((m) => m.to.includes(invitee) && /Se cambió la contraseña/.test(m.body))?.body;
        if (!notice) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(notice, 'the owner is told of the change');
      assert.doesNotMatch(notice, /https?:\/\//);
      const old = await post(h, '/api/auth/login', { email: invitee, password: newPassword });
      assert.equal(codeOf(old), 'auth.invalid_credentials');
    });

    it('resets a forgotten password through the mailbox, still asking for the second factor', async () => {
      const before = mailbox.mails.length;
      const unknown = await post(h, '/api/auth/password/forgot', { email: 'nadie@casa.example' });
      const known = await post(h, '/api/auth/password/forgot', { email: invitee });
      assert.deepEqual([unknown.statusCode, unknown.body], [known.statusCode, known.body]);
      await h.ctx.passwordResets.settled();
      assert.equal(mailbox.mails.slice(before).filter((m) => m.to.includes('nadie@casa.example')).length, 0);
      const token = await mailbox.linkToken(invitee, 'reset', before);
      assert.equal(await count(h, 'SELECT count(*)::int AS n FROM password_resets WHERE token_hash = $1', [token]), 0);
      const info = (await post(h, '/api/auth/password/reset/inspect', { token })).json() as { secondFactor: string };
      assert.equal(info.secondFactor, 'totp');
      h.clock.advanceMinutes(1);
      const session = await h.login(invitee, 'la clave nueva de ella', secret);
      const noCode = await post(h, '/api/auth/password/reset', { token, password: 'clave tras el olvido' });
      assert.deepEqual([noCode.statusCode, codeOf(noCode)], [401, 'auth.totp_required']);
      assert.equal(
        (await post(h, '/api/auth/login', { email: invitee, password: 'clave tras el olvido' })).statusCode,
        401,
      );
      h.clock.advanceMinutes(1);
      const done = await post(h, '/api/auth/password/reset', {
        token,
        password: 'clave tras el olvido',
        totp: totpCode(secret, h.clock.now),
      });
      assert.equal(done.statusCode, 204, done.body);
      assert.equal((await session.get('/api/me')).statusCode, 401, 'the reset ended every session');
      const reused = await post(h, '/api/auth/password/reset', { token, password: 'y otra vez más', totp: '123456' });
      assert.deepEqual([reused.statusCode, codeOf(reused)], [410, 'account.link_used']);
      h.clock.advanceMinutes(1);
      await h.login(invitee, 'clave tras el olvido', secret);
    });

    it('spends a reset link after five wrong codes, and an expired one is refused', async () => {
      const before = mailbox.mails.length;
      await post(h, '/api/auth/password/forgot', { email: invitee }, '10.0.0.7');
      const token = await mailbox.linkToken(invitee, 'reset', before);
      const wrongCode = totpCode(secret, h.clock.now) === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        assert.equal(
          codeOf(await post(h, '/api/auth/password/reset', { token, password: 'no llegará nunca', totp: wrongCode })),
          'auth.totp_invalid',
        );
      const spent = await post(h, '/api/auth/password/reset', { token, password: 'no llegará nunca', totp: wrongCode });
      assert.equal(codeOf(spent), 'account.link_used');
      const mid = mailbox.mails.length;
      await post(h, '/api/auth/password/forgot', { email: invitee }, '10.0.0.8');
      const late = await mailbox.linkToken(invitee, 'reset', mid);
      h.clock.advanceMinutes(61);
      assert.equal(codeOf(await post(h, '/api/auth/password/reset/inspect', { token: late })), 'account.link_expired');
    });

    it('lets an admin force a reset: sessions and feed end, the owner gets the link, the admin learns nothing', async () => {
      // The previous test waited an hour: the admin signs in again.
      admin = await h.login('admin@casa.example');
      h.clock.advanceMinutes(1);
      const target = await h.login(invitee, 'clave tras el olvido', secret);
      const accountId = ((await target.get('/api/me')).json() as { account: { id: string } }).account.id;
      const before = mailbox.mails.length;
      const forced = await admin.post(`/api/admin/accounts/${accountId}/force-reset`);
      assert.equal(forced.statusCode, 200, forced.body);
      assert.deepEqual(forced.json(), { emailed: true });
      assert.equal((await target.get('/api/me')).statusCode, 401);
      assert.equal(
        codeOf(await post(h, '/api/auth/login', { email: invitee, password: 'clave tras el olvido' })),
        'auth.invalid_credentials',
      );
      const token = await mailbox.linkToken(invitee, 'reset', before);
      assert.ok(!forced.body.includes(token));
      h.clock.advanceMinutes(1);
      const done = await post(h, '/api/auth/password/reset', {
        token,
        password: 'la definitiva de ella',
        totp: totpCode(secret, h.clock.now),
      });
      assert.equal(done.statusCode, 204, done.body);
      const self = await admin.post(
        `/api/admin/accounts/${((await admin.get('/api/me')).json() as { account: { id: string } }).account.id}/disable`,
      );
      assert.equal(codeOf(self), 'account.not_yourself');
    });

    it('lets an admin disable, enable and remove a person, each audited', async () => {
      h.clock.advanceMinutes(1);
      const target = await h.login(invitee, 'la definitiva de ella', secret);
      const accountId = ((await target.get('/api/me')).json() as { account: { id: string } }).account.id;
      assert.equal((await admin.post(`/api/admin/accounts/${accountId}/disable`)).statusCode, 200);
      assert.equal((await target.get('/api/me')).statusCode, 401);
      h.clock.advanceMinutes(1);
      const refused = await post(h, '/api/auth/login', {
        email: invitee,
        password: 'la definitiva de ella',
        totp: totpCode(secret, h.clock.now),
      });
      assert.equal(codeOf(refused), 'auth.invalid_credentials');
      assert.equal((await admin.post(`/api/admin/accounts/${accountId}/enable`)).statusCode, 200);
      h.clock.advanceMinutes(1);
      await h.login(invitee, 'la definitiva de ella', secret);
      assert.equal((await admin.post(`/api/admin/accounts/${accountId}/remove`)).statusCode, 200);
      const list = (await admin.get('/api/admin/accounts')).json() as { items: { id: string }[] };
      assert.ok(!list.items.some((i) => i.id === accountId));
      const actions = await h.ctx.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE record_id = $1 AND action IN ('account.disable', 'account.enable', 'membership.remove', 'account.force_reset') ORDER BY seq",
        [accountId],
      );
      assert.deepEqual(
        actions.rows.map((r) => r.action),
        ['account.force_reset', 'account.disable', 'account.enable', 'membership.remove'],
      );
    });
  });
}

describe('invitations without an e-mail server', () => {
  it('refuses to invite and writes nothing (the operator prints links with the command line)', async () => {
    const h = await startHarness('pglite');
    try {
      await h.createAccount({ org: 'sin-correo', email: 'admin@sincorreo.example', role: 'admin' });
      const admin = await h.login('admin@sincorreo.example');
      const refused = await admin.post('/api/admin/accounts', {
        email: 'a@sincorreo.example',
        displayName: 'A',
        role: 'analyst',
      });
      assert.deepEqual([refused.statusCode, codeOf(refused)], [503, 'account.mail_unavailable']);
      assert.equal(await count(h, 'SELECT count(*)::int AS n FROM account_invitations'), 0);
      const link = await h.ctx.invitations.invite(
        { orgId: await h.createOrg('sin-correo'), email: 'a@sincorreo.example', displayName: 'A', role: 'analyst' },
        { accountId: null },
        'print',
      );
      assert.match(link.link, /\/app\/account\/invitation#token=[A-Za-z0-9_-]{43}$/);
    } finally {
      await h.close();
    }
  });
});
