// Security checks generated from the OpenAPI document, so that a route added tomorrow that forgets
// the defaults fails here: every non-public route answers 401 without a session and 403 with a bad
// CSRF token on state-changing methods; CSP without 'unsafe-inline' on the API, the staff app and
// the portal; no response echoes a password or a two-factor secret (except the enrolment
// endpoints, which hand out a new secret once); the login rate limit and the account lockout hold
// under 30 quick parallel attempts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import {
  startHarness,
  TEST_PASSWORD,
  type ApiClient,
  type TestHarness,
} from '../../apps/server/src/testing/test-harness.ts';
import { webDistDir } from '../../apps/server/src/web-static.ts';

/** Routes that answer without a session, on purpose. Adding one here is a security decision. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  // Account links (decision 0129): whoever holds the e-mailed link is who it is for.
  'POST /api/account/invitation/inspect',
  'POST /api/account/invitation/accept',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset/inspect',
  'POST /api/auth/password/reset',
  // Signing in with a passkey or the organisation's provider (decision 0130): no session exists yet.
  'POST /api/auth/passkeys/options',
  'POST /api/auth/passkeys/login',
  'POST /api/auth/passkeys/second-factor',
  'GET /api/auth/oidc/{slug}/start',
  'GET /api/auth/oidc/callback',
  'POST /api/auth/oidc/second-factor',
]);
/**
 * The public namespace: read-only routes under /api/public/ (protected statistics, the HSDS
 * services directory) that declare `security: []` in the document. Nothing there may write.
 */
const isPublicNamespace = (op: { method: string; path: string; security?: unknown[] }) =>
  op.path.startsWith('/api/public/') && op.method === 'GET' && op.security?.length === 0;
/** Routes whose answer hands out a new two-factor secret, once, by design. */
const ENROLMENT_ROUTES = new Set(['POST /api/auth/totp/setup']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);

interface Operation {
  method: string;
  path: string;
  key: string;
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

async function apiOperations(h: TestHarness): Promise<Operation[]> {
  const response = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(response.statusCode, 200);
  const doc = response.json() as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue; // web pages (the portal) are public documents
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        ...(op.security ? { security: op.security } : {}),
      });
    }
  }
  return operations;
}

/** A concrete URL for an OpenAPI path: named parameters from `values`, otherwise a fresh UUID. */
function fill(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? randomUUID()));
}

function codeOf(response: LightMyRequestResponse): string {
  return (response.json() as { code: string }).code;
}

describe('security checks over every route [pglite]', { timeout: 120_000 }, () => {
  let h: TestHarness;
  let admin: ApiClient;
  let operations: Operation[] = [];
  let personId = '';
  let secretOfOther = '';
  const ADMIN_PASSWORD = 'admin password for the security checks';
  const webBuilt = existsSync(join(webDistDir, 'index.html')) && existsSync(join(webDistDir, 'portal.html'));

  before(async () => {
    h = await startHarness('pglite', { webDistDir });
    await h.createOrg('casa-seguridad');
    await h.createAccount({
      org: 'casa-seguridad',
      email: 'admin@seguridad.example',
      role: 'admin',
      password: ADMIN_PASSWORD,
    });
    await h.createAccount({ org: 'casa-seguridad', email: 'cw@seguridad.example', role: 'caseworker' });
    const other = await h.createAccount({
      org: 'casa-seguridad',
      email: 'totp@seguridad.example',
      role: 'caseworker',
      totp: true,
    });
    secretOfOther = other.totpSecret ?? '';
    assert.match(secretOfOther, /^[A-Z2-7]{16,}$/);
    admin = await h.login('admin@seguridad.example', ADMIN_PASSWORD);
    const caseworker = await h.login('cw@seguridad.example');
    const person = await caseworker.post('/api/people', { givenNames: 'Segura', surnames: 'Prueba' });
    assert.equal(person.statusCode, 201, person.body);
    personId = (person.json() as { id: string }).id;
    operations = await apiOperations(h);
    assert.ok(operations.length > 30, `only ${operations.length} operations in the OpenAPI document`);
  });
  after(async () => {
    await h.close();
  });

  it('the explicitly public routes are exactly the ones the document marks or the test lists', () => {
    for (const op of operations) {
      if (op.path.startsWith('/api/public/'))
        assert.ok(
          isPublicNamespace(op),
          `${op.key}: under /api/public/ only GET routes declaring security: [] are allowed`,
        );
      else if (op.security && op.security.length === 0)
        assert.ok(PUBLIC_ROUTES.has(op.key), `${op.key} declares no security but is not in PUBLIC_ROUTES`);
    }
    for (const key of PUBLIC_ROUTES)
      assert.ok(
        operations.some((op) => op.key === key),
        `${key} is listed as public but not in the document`,
      );
  });

  it('every non-public route answers 401 {code, message} without a session', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      if (PUBLIC_ROUTES.has(op.key) || isPublicNamespace(op)) continue;
      const response = await h.app.inject({
        method: op.method as 'GET',
        url: fill(op.path),
        ...(STATE_CHANGING.has(op.method) ? { payload: {} } : {}),
      });
      if (response.statusCode !== 401 || codeOf(response) !== 'auth.unauthenticated')
        failures.push(`${op.key}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      // A forged or stale cookie is no better than none.
      const forged = await h.app.inject({
        method: op.method as 'GET',
        url: fill(op.path),
        headers: { cookie: 'acompana_session=forged-token-value' },
        ...(STATE_CHANGING.has(op.method) ? { payload: {} } : {}),
      });
      if (forged.statusCode !== 401) failures.push(`${op.key} with a forged cookie: ${forged.statusCode}`);
    }
    assert.deepEqual(failures, []);
  });

  it('every state-changing route answers 403 auth.csrf_invalid with a missing or wrong CSRF token', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations) {
      if (!STATE_CHANGING.has(op.method) || PUBLIC_ROUTES.has(op.key) || isPublicNamespace(op)) continue;
      checked++;
      for (const token of [undefined, 'wrong-token', `${admin.csrfToken.slice(0, -1)}x`, '']) {
        const headers: Record<string, string> = {
          cookie: admin.cookie,
          ...(token === undefined ? {} : { 'x-csrf-token': token }),
        };
        const response = await h.app.inject({
          method: op.method as 'POST',
          url: fill(op.path, { id: personId }),
          headers,
          payload: {},
        });
        if (response.statusCode !== 403 || codeOf(response) !== 'auth.csrf_invalid')
          failures.push(
            `${op.key} (token ${JSON.stringify(token)}): ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
      }
    }
    assert.ok(checked > 15);
    assert.deepEqual(failures, []);
    // The session survived all of that (logout refused without a token too).
    assert.equal((await admin.get('/api/me')).statusCode, 200);
  });

  it('sends a CSP without unsafe-inline (and the other headers) on the API, errors, the staff app and the portal', async (t) => {
    const urls = ['/api/health', '/api/people', '/api/nothing-here', '/api/me', '/api/ical/not-a-token.ics'];
    if (webBuilt) urls.push('/app/', '/app/people/123', '/', '/es/', '/en/derechos', '/sw.js');
    else t.diagnostic(`web app not built in ${webDistDir}: /app/ and the portal not checked`);
    for (const url of urls) {
      const response = await h.app.inject({ method: 'GET', url });
      assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
      const csp = String(response.headers['content-security-policy'] ?? '');
      assert.match(csp, /default-src 'self'/, `${url} has a CSP`);
      assert.match(csp, /script-src 'self'(;|$)/, `${url}: scripts from self only`);
      assert.match(csp, /frame-ancestors 'none'/, `${url}: no framing`);
      assert.match(csp, /object-src 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/, `${url}: ${csp}`);
      assert.equal(response.headers['x-frame-options'], 'DENY', url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
      if (url.startsWith('/api/'))
        assert.equal(response.headers['cache-control'], 'no-store', `${url}: API answers are never cached`);
      if (/text\/html/.test(String(response.headers['content-type']))) {
        // The CSP would block them anyway; make sure the pages do not depend on inline code.
        assert.doesNotMatch(response.body, /<script(?![^>]*\bsrc=)[^>]*>\s*\S/i, `${url}: inline script`);
        assert.doesNotMatch(response.body, /\son[a-z]+\s*=\s*["']/i, `${url}: inline event handler`);
      }
    }
    // The OpenAPI viewer and its document carry the viewer's own CSP: hash-based, still no
    // unsafe-inline, no remote hosts.
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      const viewer = await h.app.inject({ method: 'GET', url });
      const csp = String(viewer.headers['content-security-policy'] ?? '');
      assert.match(csp, /script-src 'self'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/, `${url}: ${csp}`);
      assert.equal(viewer.headers['x-frame-options'], 'DENY', url);
    }
  });

  it('no route echoes a password or a two-factor secret (the enrolment endpoints give out a new one, once)', async () => {
    const forbiddenValues = [ADMIN_PASSWORD, TEST_PASSWORD, secretOfOther, '$argon2'];
    const forbiddenKey = /^(password|passwordHash|password_hash|secret|totpSecret|totp_secret|hash)$/i;
    const leaks: string[] = [];
    const inspect = (key: string, response: LightMyRequestResponse, allowSecret = false) => {
      for (const value of forbiddenValues)
        if (value && response.body.includes(value))
          leaks.push(`${key} echoes ${value === secretOfOther ? 'a TOTP secret' : 'a password'}`);
      if (!/json/.test(String(response.headers['content-type']))) return;
      const walk = (node: unknown, path: string) => {
        if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`));
        else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) {
            if (forbiddenKey.test(k) && !(allowSecret && /secret/i.test(k)))
              leaks.push(`${key} returns a field "${path}.${k}"`);
            walk(v, `${path}.${k}`);
          }
        }
      };
      walk(response.json(), '');
    };

    // Every read, as the administrator, with a real person where the path names one.
    for (const op of operations.filter((o) => o.method === 'GET')) {
      inspect(
        op.key,
        await admin.get(fill(op.path, { id: personId, indicator: 'people-registered', calendarId: 'mx.federal' })),
      );
    }
    // Every write, sent the secrets as bait in the fields most likely to be echoed.
    const bait = {
      password: ADMIN_PASSWORD,
      totp: secretOfOther,
      email: 'admin@seguridad.example',
      givenNames: ADMIN_PASSWORD,
      notes: secretOfOther,
      code: secretOfOther,
    };
    for (const op of operations.filter(
      (o) => STATE_CHANGING.has(o.method) && !SESSION_ENDING.has(o.key) && o.key !== 'POST /api/auth/login',
    )) {
      inspect(
        op.key,
        await admin.request({ method: op.method as 'POST', url: fill(op.path, { id: personId }), payload: bait }),
        ENROLMENT_ROUTES.has(op.key),
      );
    }
    // Login, refused and accepted.
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@seguridad.example', password: `${ADMIN_PASSWORD}!` },
      remoteAddress: '10.9.9.9',
    });
    assert.equal(refused.statusCode, 401);
    inspect('POST /api/auth/login (refused)', refused);
    const accepted = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@seguridad.example', password: ADMIN_PASSWORD },
      remoteAddress: '10.9.9.8',
    });
    assert.equal(accepted.statusCode, 200);
    inspect('POST /api/auth/login (accepted)', accepted);
    // Inviting through the API (decision 0129): the admin sets no password and receives no secret
    // (this harness has no e-mail server, so the invitation is refused before anything is written).
    const invited = await admin.post('/api/admin/accounts', {
      email: 'nueva@seguridad.example',
      displayName: 'Nueva',
      role: 'caseworker',
    });
    assert.equal(codeOf(invited), 'account.mail_unavailable');
    inspect('POST /api/admin/accounts (invitation)', invited);
    assert.deepEqual(leaks, []);
  });

  // Parallel guesses must not all pass before any is counted (attempts are counted when they start),
  // and guessing from many addresses is slowed per account without locking it (decision 0129).
  it('the per-account throttle holds under 30 quick parallel wrong passwords (from 30 addresses)', async (t) => {
    await h.createAccount({ org: 'casa-seguridad', email: 'victima@seguridad.example', role: 'caseworker' });
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'victima@seguridad.example', password: `adivinanza numero ${i}` },
          remoteAddress: `10.1.0.${i + 1}`,
        }),
      ),
    );
    const codes = attempts.map(codeOf);
    t.diagnostic(
      `30 parallel wrong passwords: ${codes.filter((c) => c === 'auth.invalid_credentials').length} judged, ${codes.filter((c) => c === 'auth.rate_limited').length} slowed down`,
    );
    for (const c of codes) assert.ok(['auth.invalid_credentials', 'auth.rate_limited'].includes(c), c);
    // Five free attempts an hour, then each must wait twice as long as the last.
    const judged = codes.filter((c) => c === 'auth.invalid_credentials').length;
    assert.ok(judged <= 5, `${judged} of 30 parallel guesses were checked against the password (at most 5 allowed)`);
    // The right password right after, from yet another address: it waits too.
    const right = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'victima@seguridad.example', password: TEST_PASSWORD },
      remoteAddress: '10.1.1.1',
    });
    assert.equal(codeOf(right), 'auth.rate_limited', `${right.statusCode} ${right.body.slice(0, 120)}`);
  });

  // An attempt counts when it starts, so a parallel burst from one address is limited too.
  it('the per-address rate limit holds under 30 quick parallel attempts', async (t) => {
    const ip = '10.2.0.1';
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `nadie${i}@seguridad.example`, password: 'una clave cualquiera' },
          remoteAddress: ip,
        }),
      ),
    );
    for (const a of attempts) assert.ok([401, 429].includes(a.statusCode), `${a.statusCode} ${a.body}`);
    const limited = attempts.filter((a) => a.statusCode === 429).length;
    t.diagnostic(`30 parallel attempts from one address: ${limited} answered 429, ${30 - limited} judged`);
    assert.ok(
      limited >= 10,
      `only ${limited} of 30 parallel attempts from one address were rate limited (20 failures allowed per 15 minutes)`,
    );
    // Even the right password is refused from that address now; another address still gets in.
    const fromSame = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'cw@seguridad.example', password: TEST_PASSWORD },
      remoteAddress: ip,
    });
    assert.equal(fromSame.statusCode, 429);
    assert.equal(codeOf(fromSame), 'auth.rate_limited');
    const fromOther = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'cw@seguridad.example', password: TEST_PASSWORD },
      remoteAddress: '10.2.0.2',
    });
    assert.equal(fromOther.statusCode, 200, fromOther.body);
  });
});
