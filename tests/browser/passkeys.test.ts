// Passkeys end to end with real WebAuthn: Chromium's virtual authenticator (CTAP2, internal,
// resident key, user verification) creates and uses a credential against the real server, which
// verifies it with @simplewebauthn/server (docs/decisions/0130-passkeys-and-oidc.md). Covers
// registering after password + TOTP, signing in with the passkey alone, the passkey in place of the
// TOTP code, single-use and expiring challenges, the counter, listing and removing, and the audit.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHarness, TEST_PASSWORD, type TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import { totpCode } from '../../apps/server/src/auth/totp.ts';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  screenshot,
  seriousAxeViolations,
  staffMessages,
  translator,
  webDist,
} from './browser-kit.ts';

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED passkey journeys: ${skip}`);

interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

/** fetch from inside the page (same origin, its cookies), JSON in and out. */
function call(page: Page, method: string, url: string, body?: unknown, csrf?: string): Promise<Answer> {
  return page.evaluate(
    async ({ method, url, body, csrf }) => {
      const response = await fetch(url, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          'accept-language': 'en',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    { method, url, body, csrf },
  );
}

/** The page's WebAuthn API (the type check here has no DOM library). */
interface PageWebAuthn {
  PublicKeyCredential: {
    parseCreationOptionsFromJSON(json: unknown): unknown;
    parseRequestOptionsFromJSON(json: unknown): unknown;
  };
  navigator: {
    credentials: {
      create(options: { publicKey: unknown }): Promise<{ toJSON(): Record<string, unknown> }>;
      get(options: { publicKey: unknown }): Promise<{ toJSON(): Record<string, unknown> }>;
    };
  };
}

/** navigator.credentials.create with the server's options; the authenticator's answer as JSON. */
function createCredential(page: Page, options: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(async (json) => {
    const web = globalThis as unknown as PageWebAuthn;
    const publicKey = web.PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return (await web.navigator.credentials.create({ publicKey })).toJSON();
  }, options);
}

function getAssertion(page: Page, options: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(async (json) => {
    const web = globalThis as unknown as PageWebAuthn;
    const publicKey = web.PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return (await web.navigator.credentials.get({ publicKey })).toJSON();
  }, options);
}

describe('passkeys in Chromium with a virtual authenticator', { skip: skip ?? false }, () => {
  let harness: TestHarness;
  let browser: Browser;
  let page: Page;
  let base: string;
  let accountId = '';
  let totpSecret = '';
  let csrf = '';
  let firstRegistration: unknown;
  const email = 'rosa@clinica.example';

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await harness.ctx.db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0);

  before(async () => {
    harness = await startHarness('pglite');
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
    // WebAuthn refuses an IP address as relying party: the page is opened as localhost.
    base = `http://localhost:${(harness.app.server.address() as AddressInfo).port}`;
    const created = await harness.createAccount({ org: 'clinica', email, role: 'lawyer', totp: true });
    accountId = created.accountId;
    totpSecret = created.totpSecret ?? '';
    browser = await launchChromium();
    const context = await browser.newContext();
    page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(`${base}/api/health`);
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('refuses to add a passkey without a signed-in session', async () => {
    const answer = await call(page, 'POST', '/api/auth/passkeys/register/options', undefined, 'x');
    assert.equal(answer.status, 401);
  });

  it('registers a passkey after password and TOTP; stores its id, key and counter; audits it', async () => {
    const login = await call(page, 'POST', '/api/auth/login', {
      email,
      password: TEST_PASSWORD,
      totp: totpCode(totpSecret, harness.clock.now),
    });
    assert.equal(login.status, 200);
    csrf = login.body.csrfToken as string;
    // Adding a way in needs a fresh proof in this session (decision 0140).
    const early = await call(page, 'POST', '/api/auth/passkeys/register/options', undefined, csrf);
    assert.deepEqual([early.status, early.body.code], [401, 'auth.reauth_required']);
    const proof = await call(page, 'POST', '/api/account/reauthenticate', { password: TEST_PASSWORD }, csrf);
    assert.equal(proof.status, 200);
    const options = await call(page, 'POST', '/api/auth/passkeys/register/options', undefined, csrf);
    assert.equal(options.status, 200);
    assert.equal((options.body.rp as { id: string }).id, 'localhost');
    const response = await createCredential(page, options.body);
    firstRegistration = response;
    const verified = await call(page, 'POST', '/api/auth/passkeys/register/verify', { name: 'Laptop', response }, csrf);
    assert.equal(verified.status, 201, JSON.stringify(verified.body));
    assert.equal(verified.body.name, 'Laptop');
    const { rows } = await harness.ctx.db.query<{ credential_id: string; public_key: unknown; account_id: string }>(
      'SELECT credential_id, public_key, account_id::text AS account_id FROM passkeys',
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.account_id, accountId);
    assert.ok((rows[0]?.credential_id.length ?? 0) >= 16);
    // The challenge was used up.
    assert.equal(await count("SELECT count(*)::int AS n FROM webauthn_challenges WHERE purpose = 'registration'"), 0);
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'passkey.register' AND actor_account_id = $1",
        [accountId],
      ),
      1,
    );
    const list = await call(page, 'GET', '/api/auth/passkeys');
    assert.equal((list.body.items as unknown[]).length, 1);
  });

  it('refuses the same registration answer twice (challenge single-use), writing nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM passkeys');
    const replay = await call(
      page,
      'POST',
      '/api/auth/passkeys/register/verify',
      { name: 'Again', response: firstRegistration },
      csrf,
    );
    assert.equal(replay.status, 400);
    assert.equal(replay.body.code, 'auth.passkey_challenge_expired');
    assert.equal(await count('SELECT count(*)::int AS n FROM passkeys'), before);
    assert.equal(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'passkey.register_failed'"), 1);
    // A second passkey on the same authenticator is excluded by the options the server gives.
    await call(page, 'POST', '/api/account/reauthenticate', { password: TEST_PASSWORD }, csrf);
    const options = await call(page, 'POST', '/api/auth/passkeys/register/options', undefined, csrf);
    assert.equal(((options.body.excludeCredentials as unknown[]) ?? []).length, 1);
  });

  it('signs in with the passkey alone (both factors), and the counter moves forward', async () => {
    assert.equal((await call(page, 'POST', '/api/auth/logout', undefined, csrf)).status, 204);
    assert.equal((await call(page, 'GET', '/api/me')).status, 401);
    const options = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    assert.equal(options.status, 200);
    const response = await getAssertion(page, options.body);
    const signedIn = await call(page, 'POST', '/api/auth/passkeys/login', { response });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.equal((signedIn.body.me as { account: { email: string } }).account.email, email);
    csrf = signedIn.body.csrfToken as string;
    assert.equal((await call(page, 'GET', '/api/me')).status, 200);
    const session = await harness.ctx.db.query<{ second_factor_ok: boolean }>(
      'SELECT second_factor_ok FROM sessions WHERE account_id = $1',
      [accountId],
    );
    assert.deepEqual(
      session.rows.map((r) => r.second_factor_ok),
      [true],
    );
    const counter = await count('SELECT sign_count::int AS n FROM passkeys');
    assert.ok(counter >= 1, `counter ${counter}`);
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND details->>'method' = 'passkey'",
      ),
      1,
    );

    // The same assertion again: its challenge is spent. Nothing is written.
    const sessions = await count('SELECT count(*)::int AS n FROM sessions');
    const replay = await call(page, 'POST', '/api/auth/passkeys/login', { response });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.code, 'auth.passkey_challenge_expired');
    assert.equal(await count('SELECT count(*)::int AS n FROM sessions'), sessions);

    // The passkey also re-authenticates this session before a sensitive change (decision 0140).
    const again = await call(page, 'POST', '/api/auth/passkeys/options', undefined, csrf);
    const proof = await getAssertion(page, again.body);
    const reauth = await call(page, 'POST', '/api/account/reauthenticate', { passkey: proof }, csrf);
    assert.equal(reauth.status, 200, JSON.stringify(reauth.body));
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.reauthenticated' AND details->>'method' = 'passkey'",
      ),
      1,
    );
  });

  it('refuses a challenge older than five minutes and a tampered signature', async () => {
    const options = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const response = await getAssertion(page, options.body);
    harness.clock.advanceMinutes(6);
    const late = await call(page, 'POST', '/api/auth/passkeys/login', { response });
    assert.equal(late.body.code, 'auth.passkey_challenge_expired');

    const fresh = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const signed = await getAssertion(page, fresh.body);
    const inner = signed.response as Record<string, string>;
    const signature = Buffer.from(inner.signature ?? '', 'base64url');
    signature[signature.length - 1] = (signature.at(-1) ?? 0) ^ 0xff;
    const tampered = await call(page, 'POST', '/api/auth/passkeys/login', {
      response: { ...signed, response: { ...inner, signature: signature.toString('base64url') } },
    });
    assert.equal(tampered.status, 401);
    assert.equal(tampered.body.code, 'auth.passkey_invalid');
  });

  it('stands in for the TOTP code after the password; a wrong password still fails', async () => {
    const wrongOptions = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const wrong = await call(page, 'POST', '/api/auth/passkeys/second-factor', {
      email,
      password: 'not the password',
      response: await getAssertion(page, wrongOptions.body),
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.code, 'auth.invalid_credentials');

    const options = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const answer = await call(page, 'POST', '/api/auth/passkeys/second-factor', {
      email,
      password: TEST_PASSWORD,
      response: await getAssertion(page, options.body),
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    csrf = answer.body.csrfToken as string;
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND details->>'method' = 'password_passkey'",
      ),
      1,
    );
  });

  it('voids the passkey once an administrator forces a password reset of the account', async () => {
    const admin = await harness.createAccount({ org: 'clinica', email: 'jefa@clinica.example', role: 'admin' });
    // Registered before the reset: still good.
    const before = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const ok = await call(page, 'POST', '/api/auth/passkeys/login', {
      response: await getAssertion(page, before.body),
    });
    assert.equal(ok.status, 200);
    csrf = ok.body.csrfToken as string;
    harness.clock.advanceMinutes(1);
    await harness.ctx.db.query(
      `INSERT INTO password_resets (token_hash, account_id, requested_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $4::timestamptz + interval '1 hour')`,
      ['f'.repeat(64), accountId, admin.accountId, harness.clock.now],
    );
    const options = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const refused = await call(page, 'POST', '/api/auth/passkeys/login', {
      response: await getAssertion(page, options.body),
    });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'auth.passkey_invalid');
    assert.equal(
      await count("SELECT count(*)::int AS n FROM audit_log WHERE details->>'reason' = 'passkey_reset_since'"),
      1,
    );
    await harness.ctx.db.query('DELETE FROM password_resets');
  });

  it('removes the passkey; it then signs nobody in', async () => {
    const list = await call(page, 'GET', '/api/auth/passkeys');
    const id = (list.body.items as { id: string }[])[0]?.id ?? '';
    assert.equal((await call(page, 'DELETE', `/api/auth/passkeys/${id}`, undefined, csrf)).status, 204);
    assert.equal(
      (await call(page, 'DELETE', `/api/auth/passkeys/${id}`, undefined, csrf)).body.code,
      'auth.passkey_unknown',
    );
    assert.equal(await count('SELECT count(*)::int AS n FROM passkeys'), 0);
    const options = await call(page, 'POST', '/api/auth/passkeys/options', undefined);
    const refused = await call(page, 'POST', '/api/auth/passkeys/login', {
      response: await getAssertion(page, options.body),
    });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'auth.passkey_invalid');
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'passkey.remove' AND actor_account_id = $1",
        [accountId],
      ),
      1,
    );
  });
});

/** A virtual authenticator (CTAP2, internal, resident key, user verification) for a page. */
async function addAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

describe('passkeys in the staff app (Spanish)', { skip: skip ?? false }, () => {
  let harness: TestHarness;
  let browser: Browser;
  let base: string;
  const t = translator(staffMessages('es'));

  before(async () => {
    ensureWebBuild();
    harness = await startHarness('pglite', { webDistDir: webDist });
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://localhost:${(harness.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('adds a passkey on the account page after password and code, then signs in with it from the login page', async () => {
    const { totpSecret } = await harness.createAccount({
      org: 'albergue',
      email: 'marta@albergue.example',
      role: 'caseworker',
      totp: true,
    });
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await addAuthenticator(context, page);

    await page.goto(`${base}/app/`);
    await page.getByLabel(t('login.email')).fill('marta@albergue.example');
    await page.getByLabel(t('login.password')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: t('login.submit') }).click();
    harness.clock.advanceMinutes(1);
    await page.getByLabel(t('login.totp')).fill(totpCode(totpSecret ?? '', harness.clock.now));
    await page.getByRole('button', { name: t('login.verify') }).click();
    await page.getByRole('heading', { level: 1, name: /marta/i }).waitFor();

    await page.goto(`${base}/app/account/passkeys`);
    await page.getByRole('heading', { level: 1, name: t('passkeys.title') }).waitFor();
    await page.getByText(t('passkeys.none')).waitFor();
    await page.getByLabel(t('passkeys.name')).fill('Computadora del albergue');
    await page.getByRole('button', { name: t('passkeys.add') }).click();
    // First the password again (decision 0140), then the authenticator.
    await page.getByLabel(t('accountLife.currentPassword')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: t('accountLife.reauth.submit'), exact: true }).click();
    await page.getByText(t('passkeys.added', { name: 'Computadora del albergue' })).waitFor();
    await page.getByRole('button', { name: t('passkeys.removeNamed', { name: 'Computadora del albergue' }) }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await screenshot(page, 'passkeys-page');

    // Signed out (cookie gone): the login page offers the passkey, which opens the session alone.
    await context.clearCookies();
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: t('passkeys.signIn') }).click();
    await page.getByRole('heading', { level: 1, name: /marta/i }).waitFor();
    await screenshot(page, 'passkeys-signed-in');
    const sessions = await harness.ctx.db.query<{ ok: boolean }>(
      'SELECT second_factor_ok AS ok FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email = $1',
      ['marta@albergue.example'],
    );
    assert.ok(sessions.rows.some((r) => r.ok));

    // Password, then the passkey in place of the 6-digit code.
    await context.clearCookies();
    await page.goto(`${base}/app/`);
    await page.getByLabel(t('login.email')).fill('marta@albergue.example');
    await page.getByLabel(t('login.password')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: t('login.submit') }).click();
    await page.getByRole('button', { name: t('passkeys.insteadOfCode') }).click();
    await page.getByRole('heading', { level: 1, name: /marta/i }).waitFor();
    const methods = await harness.ctx.db.query<{ method: string }>(
      "SELECT details->>'method' AS method FROM audit_log WHERE action = 'auth.login' ORDER BY seq",
    );
    assert.deepEqual(
      methods.rows.map((r) => r.method),
      ['totp', 'passkey', 'password_passkey'],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
