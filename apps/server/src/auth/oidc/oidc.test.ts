// Sign-in with an organisation's OpenID Connect provider against a real oidc-provider on
// 127.0.0.1: the admin API, the full authorization code + PKCE redirect flow (login and consent
// walked with fetch and cookies), group-to-role mapping, the delegated and the account's own second
// factor, and the bad inputs (wrong state, nonce or issuer, replay, unknown provider, unverified
// e-mail, no account), each with its code and nothing written. On both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { startHarness, type ApiClient, type TestHarness } from '../../testing/test-harness.ts';
import { testDatabaseKinds } from '../../testing/test-database.ts';
import { totpCode } from '../totp.ts';
import { startTestIdp, type TestIdp } from './oidc-test-provider.ts';
import { forgetDiscovery } from './oidc-providers.ts';

const PUBLIC_URL = 'http://acompana.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

const cookieOf = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((c) => c.name === name)?.value;

for (const kind of await testDatabaseKinds()) {
  describe(`sign-in with the organisation's OpenID provider [${kind}]`, () => {
    let h: TestHarness;
    let idp: TestIdp;
    let admin: ApiClient;
    let lawyerSecret = '';

    const count = async (table: string) =>
      Number((await h.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0);
    const writes = async () => ({
      sessions: await count('sessions'),
      accounts: await count('accounts'),
      memberships: await count('memberships'),
    });

    /** Starts at Acompaña, walks the provider as `sub`, and returns the callback and the browser's state cookie. */
    async function providerRoundTrip(sub: string, org = 'clinica') {
      const start = await h.app.inject({ method: 'GET', url: `/api/auth/oidc/${org}/start` });
      assert.equal(start.statusCode, 303, start.body);
      const state = cookieOf(start, 'acompana_oidc_state');
      assert.ok(state);
      const back = await idp.signIn(start.headers.location as string, sub);
      assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URI);
      return { back, state };
    }

    const callback = (back: URL, state: string | undefined, headers: Record<string, string> = {}) =>
      h.app.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        headers: { ...(state ? { cookie: `acompana_oidc_state=${state}` } : {}), ...headers },
      });

    const setProvider = (body: Record<string, unknown>) =>
      admin.put('/api/admin/oidc-provider', {
        issuer: idp.issuer,
        clientId: idp.clientId,
        groupsClaim: 'groups',
        groupRoles: { 'acompana-lawyers': 'lawyer', 'acompana-staff': 'caseworker' },
        secondFactorDelegated: true,
        ...body,
      });

    before(async () => {
      h = await startHarness(kind, { envOverrides: { ACOMPANA_PUBLIC_URL: PUBLIC_URL } });
      idp = await startTestIdp(REDIRECT_URI);
      forgetDiscovery();
      await h.createAccount({ org: 'clinica', email: 'admin@clinica.example', role: 'admin' });
      await h.createAccount({ org: 'clinica', email: 'lucia@clinica.example', role: 'caseworker' });
      await h.createAccount({ org: 'otra', email: 'pedro@otra.example', role: 'caseworker' });
      lawyerSecret =
        (await h.createAccount({ org: 'clinica', email: 'tomas@clinica.example', role: 'lawyer', totp: true }))
          .totpSecret ?? '';
      admin = await h.login('admin@clinica.example');
      idp.users.set('lucia', { email: 'Lucia@clinica.example', email_verified: true, groups: ['acompana-lawyers'] });
      idp.users.set('tomas', { email: 'tomas@clinica.example', email_verified: true, groups: ['acompana-lawyers'] });
      idp.users.set('nover', { email: 'lucia@clinica.example', email_verified: false, groups: ['acompana-lawyers'] });
      idp.users.set('stranger', { email: 'nadie@clinica.example', email_verified: true, groups: ['acompana-staff'] });
      idp.users.set('nogroup', { email: 'lucia@clinica.example', email_verified: true, groups: ['cooks'] });
      idp.users.set('pedro', { email: 'pedro@otra.example', email_verified: true, groups: ['acompana-staff'] });
    });

    after(async () => {
      await idp?.close();
      await h?.close();
    });

    it('answers an unknown provider with its code in Spanish and English', async () => {
      const es = await h.app.inject({
        method: 'GET',
        url: '/api/auth/oidc/clinica/start',
        headers: { 'accept-language': 'es' },
      });
      assert.equal(es.statusCode, 404);
      assert.deepEqual(es.json(), {
        code: 'oidc.unknown_provider',
        message: 'Esta organización no tiene configurado un proveedor de inicio de sesión.',
      });
      const en = await h.app.inject({
        method: 'GET',
        url: '/api/auth/oidc/nowhere/start',
        headers: { 'accept-language': 'en' },
      });
      assert.equal((en.json() as { message: string }).message, 'This organisation has no sign-in provider set up.');
      const browser = await h.app.inject({
        method: 'GET',
        url: '/api/auth/oidc/nowhere/start',
        headers: { accept: 'text/html' },
      });
      assert.equal(browser.statusCode, 303);
      assert.equal(browser.headers.location, '/app/login?oidcError=oidc.unknown_provider');
    });

    it('lets only an admin set the provider; checks the issuer first; keeps the secret sealed and unreturned', async () => {
      const caseworker = await h.login('lucia@clinica.example');
      const denied = await caseworker.put('/api/admin/oidc-provider', {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      });
      assert.equal(denied.statusCode, 403);
      const noSecret = await setProvider({});
      assert.equal(noSecret.statusCode, 400);
      assert.equal((noSecret.json() as { code: string; field: string }).field, 'clientSecret');
      const unreachable = await setProvider({ issuer: 'http://127.0.0.1:9/nothing', clientSecret: 'x' });
      assert.equal(unreachable.statusCode, 400);
      assert.equal((unreachable.json() as { code: string }).code, 'oidc.provider_unreachable');
      const badRole = await setProvider({ clientSecret: 'x', groupRoles: { g: 'overlord' } });
      assert.equal(badRole.statusCode, 400);
      assert.equal(await count('oidc_providers'), 0);
      assert.deepEqual((await admin.get('/api/admin/oidc-provider')).json(), { provider: null });

      const saved = await setProvider({ clientSecret: idp.clientSecret });
      assert.equal(saved.statusCode, 200, saved.body);
      const body = saved.json() as Record<string, unknown>;
      assert.equal(body.hasClientSecret, true);
      assert.equal(body.redirectUri, REDIRECT_URI);
      assert.ok(!saved.body.includes(idp.clientSecret));
      const stored = await h.ctx.db.query<{ client_secret: Buffer }>('SELECT client_secret FROM oidc_providers');
      assert.ok(!Buffer.from(stored.rows[0]!.client_secret).toString('latin1').includes(idp.clientSecret));
      const read = await admin.get('/api/admin/oidc-provider');
      assert.equal((read.json() as { provider: { issuer: string } }).provider.issuer, idp.issuer);
      const audit = await h.ctx.db.query<{ details: unknown }>(
        "SELECT details FROM audit_log WHERE action = 'oidc_provider.create'",
      );
      assert.equal(audit.rows.length, 1);
      assert.ok(!JSON.stringify(audit.rows[0]!.details).includes(idp.clientSecret));
    });

    it('signs a member in through the provider (code + PKCE), mapping groups to the role', async () => {
      const before = await writes();
      const { back, state } = await providerRoundTrip('lucia');
      assert.ok(back.searchParams.get('code'));
      assert.equal(back.searchParams.get('iss'), idp.issuer);
      const answer = await callback(back, state);
      assert.equal(answer.statusCode, 303, answer.body);
      assert.equal(answer.headers.location, '/app/');
      const session = cookieOf(answer, 'acompana_session');
      assert.ok(session);
      const me = await h.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `acompana_session=${session}` },
      });
      assert.equal(me.statusCode, 200);
      const who = me.json() as { account: { email: string }; role: string; activeOrg: { slug: string } };
      assert.equal(who.account.email, 'lucia@clinica.example');
      assert.equal(who.role, 'lawyer'); // from the provider's group, was caseworker
      assert.equal(who.activeOrg.slug, 'clinica');
      assert.equal((await writes()).sessions, before.sessions + 1);
      assert.equal((await writes()).accounts, before.accounts);
      const audit = await h.ctx.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE action IN ('auth.login', 'membership.role_from_provider')
            AND (details->>'method' = 'oidc' OR action = 'membership.role_from_provider') ORDER BY seq`,
      );
      assert.deepEqual(
        audit.rows.map((r) => r.action),
        ['membership.role_from_provider', 'auth.login'],
      );
    });

    it('refuses a wrong state, a replayed callback, a wrong nonce and a wrong issuer, writing nothing', async () => {
      // State in the URL that is not the one this browser started with (login CSRF).
      const first = await providerRoundTrip('lucia');
      const before = await writes();
      const otherBrowser = await callback(first.back, 'some-other-state', { 'accept-language': 'en' });
      assert.equal(otherBrowser.statusCode, 400);
      assert.equal((otherBrowser.json() as { code: string }).code, 'oidc.invalid_state');
      const noCookie = await callback(first.back, undefined);
      assert.equal((noCookie.json() as { code: string }).code, 'oidc.invalid_state');
      // The real one still works once, and only once.
      assert.equal((await callback(first.back, first.state)).statusCode, 303);
      const replay = await callback(first.back, first.state, { 'accept-language': 'es' });
      assert.equal(replay.statusCode, 400);
      assert.equal((replay.json() as { code: string }).code, 'oidc.invalid_state');
      assert.match((replay.json() as { message: string }).message, /caducó/);
      assert.equal((await writes()).sessions, before.sessions + 1);

      // The ID token's nonce must be the one stored for this flow.
      const second = await providerRoundTrip('lucia');
      await h.ctx.db.query("UPDATE oidc_logins SET nonce = 'not-the-nonce-that-was-sent'");
      const snapshot = await writes();
      const wrongNonce = await callback(second.back, second.state);
      assert.equal(wrongNonce.statusCode, 401);
      assert.equal((wrongNonce.json() as { code: string }).code, 'oidc.invalid_response');
      assert.deepEqual(await writes(), snapshot);

      // An answer that claims another issuer (RFC 9207 iss parameter).
      const third = await providerRoundTrip('lucia');
      const forged = new URL(third.back);
      forged.searchParams.set('iss', 'http://127.0.0.1:1/evil');
      const wrongIssuer = await callback(forged, third.state);
      assert.equal(wrongIssuer.statusCode, 401);
      assert.equal((wrongIssuer.json() as { code: string }).code, 'oidc.invalid_response');
      assert.deepEqual(await writes(), snapshot);
    });

    it('refuses an unverified e-mail, an e-mail with no account here, and a user whose groups give no role', async () => {
      const snapshot = await writes();
      for (const [sub, code] of [
        ['nover', 'oidc.email_not_verified'],
        ['stranger', 'oidc.no_account'],
        ['pedro', 'oidc.no_account'], // an account of another organisation is not joined to this one
        ['nogroup', 'oidc.no_role'],
      ] as const) {
        const { back, state } = await providerRoundTrip(sub);
        const answer = await callback(back, state);
        assert.equal((answer.json() as { code: string }).code, code, sub);
      }
      assert.deepEqual(await writes(), snapshot);
    });

    it('tests a connection without storing anything, and keeps addresses outside the allowed domains out', async () => {
      const before = await count('audit_log');
      const ok = await admin.post('/api/admin/oidc-provider/test', { issuer: idp.issuer, clientId: idp.clientId });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((ok.json() as { issuer: string }).issuer, idp.issuer);
      const bad = await admin.post('/api/admin/oidc-provider/test', {
        issuer: 'http://127.0.0.1:9/nothing',
        clientId: 'x',
        clientSecret: 'x',
      });
      assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'issuer']);
      assert.equal(await count('audit_log'), before);

      const domains = await setProvider({ allowedDomains: ['Clinica.example'] });
      assert.equal(domains.statusCode, 200, domains.body);
      assert.deepEqual((domains.json() as { allowedDomains: string[] }).allowedDomains, ['clinica.example']);
      const pedro = await providerRoundTrip('pedro');
      assert.equal((await callback(pedro.back, pedro.state)).json<{ code: string }>().code, 'oidc.domain_not_allowed');
      const lucia = await providerRoundTrip('lucia');
      assert.equal((await callback(lucia.back, lucia.state)).statusCode, 303);
      assert.equal((await setProvider({ allowedDomains: [] })).statusCode, 200);
    });

    it('asks for the account’s own TOTP code when the organisation does not delegate the second factor', async () => {
      assert.equal((await setProvider({ secondFactorDelegated: false })).statusCode, 200);
      const { back, state } = await providerRoundTrip('tomas');
      const before = await writes();
      const answer = await callback(back, state);
      assert.equal(answer.statusCode, 303, answer.body);
      assert.equal(answer.headers.location, '/app/login?oidc=second-factor');
      assert.equal(cookieOf(answer, 'acompana_session'), undefined);
      const pending = cookieOf(answer, 'acompana_oidc_pending');
      assert.ok(pending);
      const send = (body: unknown, token = pending) =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/oidc/second-factor',
          payload: body as object,
          headers: { cookie: `acompana_oidc_pending=${token}` },
        });
      const wrong = await send({ totp: '000000' });
      assert.equal((wrong.json() as { code: string }).code, 'auth.totp_invalid');
      // One try: the right code after a wrong one needs a new trip to the provider.
      h.clock.advanceMinutes(1);
      const late = await send({ totp: totpCode(lawyerSecret, h.clock.now) });
      assert.equal((late.json() as { code: string }).code, 'oidc.second_factor_expired');
      assert.equal((await writes()).sessions, before.sessions);

      const again = await providerRoundTrip('tomas');
      const next = await callback(again.back, again.state);
      const ok = await send({ totp: totpCode(lawyerSecret, h.clock.now) }, cookieOf(next, 'acompana_oidc_pending'));
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((ok.json() as { me: { account: { email: string } } }).me.account.email, 'tomas@clinica.example');
      const rows = await h.ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND details->>'method' = 'oidc_totp'",
      );
      assert.equal(rows.rows[0]?.n, 1);
    });

    it('creates an account only when the organisation says so, with the role its groups give', async () => {
      assert.equal((await setProvider({ createAccountsRole: 'analyst', secondFactorDelegated: true })).statusCode, 200);
      const { back, state } = await providerRoundTrip('stranger');
      const answer = await callback(back, state);
      assert.equal(answer.statusCode, 303, answer.body);
      const { rows } = await h.ctx.db.query<{ role: string }>(
        "SELECT m.role FROM accounts a JOIN memberships m ON m.account_id = a.id WHERE a.email = 'nadie@clinica.example'",
      );
      assert.deepEqual(
        rows.map((r) => r.role),
        ['caseworker'],
      );
    });
  });
}
