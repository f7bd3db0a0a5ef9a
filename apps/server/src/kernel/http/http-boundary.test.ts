// What any client gets at the edge of the API: validation errors with codes and fields, size
// limits, security headers, JSON 404s, and the OpenAPI document.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../../testing/on-both-databases.ts';

describeOnBothDatabases('the HTTP boundary', (h) => {
  const post = (payload: string, headers: Record<string, string> = {}) =>
    h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers malformed JSON with validation.invalid_json', async () => {
    const response = await post('{"email": "a@b.example", ');
    assert.equal(response.statusCode, 400);
    assert.equal((response.json() as { code: string }).code, 'validation.invalid_json');
  });

  it('names an unknown field', async () => {
    const response = await post(JSON.stringify({ email: 'a@b.example', password: 'x', isAdmin: true }), {
      'accept-language': 'en',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      code: 'validation.unknown_field',
      message: 'Unknown field "isAdmin": remove it.',
      field: 'isAdmin',
    });
  });

  it('names a field with the wrong type and a missing field, in Spanish by default', async () => {
    const wrongType = (await post(JSON.stringify({ email: 42, password: 'x' }))).json() as {
      code: string;
      field: string;
      message: string;
    };
    assert.deepEqual([wrongType.code, wrongType.field], ['validation.invalid_type', 'email']);
    assert.match(wrongType.message, /tipo incorrecto/);
    const missing = (await post(JSON.stringify({ email: 'a@b.example' }))).json() as { code: string; field: string };
    assert.deepEqual([missing.code, missing.field], ['validation.required', 'password']);
  });

  it('answers every wrong field of a form at once, the first one also at the top level', async () => {
    const response = await post(JSON.stringify({ email: 42 }), { 'accept-language': 'en' });
    assert.equal(response.statusCode, 400);
    const body = response.json() as { code: string; field: string; errors?: { code: string; field: string }[] };
    assert.deepEqual((body.errors ?? []).map((e) => [e.code, e.field]).sort(), [
      ['validation.invalid_type', 'email'],
      ['validation.required', 'password'],
    ]);
    assert.deepEqual([body.code, body.field], [body.errors?.[0]?.code, body.errors?.[0]?.field]);
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    const response = await post(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }));
    assert.equal(response.statusCode, 413);
    assert.equal((response.json() as { code: string }).code, 'validation.body_too_large');
    const after = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    assert.equal(Number(after.rows[0]?.n), Number(before.rows[0]?.n));
  });

  it('refuses a NUL character in a path or query parameter with a clear 400, on any route', async () => {
    for (const url of ['/api/calendars/%00/declared-days', '/api/people?q=a%00b', '/api/auth/me?x=%00']) {
      const response = await h().app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      assert.equal(response.statusCode, 400, url);
      assert.equal((response.json() as { code: string }).code, 'validation.invalid_encoding', url);
    }
  });

  it('refuses a body that is not JSON', async () => {
    const response = await h().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'email=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.statusCode, 415);
  });

  it('sends a CSP without unsafe-inline and the other security headers', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('reports health with the database kind', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/health' });
    assert.equal((response.json() as { database: string }).database, h().kind);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(response.statusCode, 401); // deny by default: unknown paths are not even revealed without a session
    const anonymousDocs = await h().app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(anonymousDocs.statusCode, 200);
  });

  it('publishes an OpenAPI document covering the authentication routes', async () => {
    const doc = (await h().app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.match(doc.openapi, /^3\./);
    for (const path of ['/api/health', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/admin/audit/verify'])
      assert.ok(doc.paths[path], path);
  });

  it('serves the OpenAPI viewer with a CSP that has no inline code and no remote hosts', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(response.statusCode, 200);
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|https:|upgrade-insecure-requests/);
  });
});
