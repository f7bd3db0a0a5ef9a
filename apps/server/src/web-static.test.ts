// The staff app is served at /app/ with its own routes falling back to index.html; the public
// portal at / and /<lang>/… with its service worker at /sw.js.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type TestHarness } from './testing/test-harness.ts';

describe('serving the staff web app and the public portal', () => {
  const dist = mkdtempSync(join(tmpdir(), 'acompana-dist-'));
  let h: TestHarness;
  before(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Acompaña</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'portal.html'), '<!doctype html><title>Portal</title>');
    writeFileSync(join(dist, 'sw.js'), "self.addEventListener('fetch', () => {});");
    h = await startHarness('pglite', { webDistDir: dist });
  });
  after(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers /app, /app/ and an app route like /app/people with index.html', async () => {
    for (const url of ['/app', '/app/', '/app/people/123']) {
      const response = await h.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<title>Acompaña<\/title>/, url);
      assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
    }
  });

  it('serves hashed assets with a long cache and a missing asset as a 404', async () => {
    const asset = await h.app.inject({ method: 'GET', url: '/app/assets/app-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    assert.equal((await h.app.inject({ method: 'GET', url: '/app/assets/missing.js' })).statusCode, 404);
  });

  it('answers the root and every language path with the portal, always revalidated', async () => {
    for (const url of ['/', '/es', '/es/', '/ht/', '/ht/guides/asylum-mexico', '/fr/services', '/pt/anything/else']) {
      const response = await h.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<title>Portal<\/title>/, url);
      assert.match(String(response.headers['content-type']), /text\/html/, url);
      assert.equal(response.headers['cache-control'], 'no-cache', url);
      assert.match(String(response.headers['content-security-policy']), /script-src 'self'/, url);
      assert.doesNotMatch(String(response.headers['content-security-policy']), /unsafe-inline/, url);
      // Only the portal document may ask for the location, and only for itself.
      assert.match(String(response.headers['permissions-policy']), /geolocation=\(self\)/, url);
    }
  });

  it('keeps the strict Permissions-Policy everywhere else', async () => {
    const staff = await h.app.inject({ method: 'GET', url: '/app/' });
    assert.match(String(staff.headers['permissions-policy']), /geolocation=\(\)/);
  });

  it('serves the service worker from the scope it controls with cache-control: no-cache', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/sw.js' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /javascript/);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(response.body, /addEventListener/);
  });

  it('does not answer paths outside the portal languages with the portal', async () => {
    for (const url of ['/de/', '/xx/guides/a', '/api/nothing']) {
      const response = await h.app.inject({ method: 'GET', url });
      assert.notEqual(response.statusCode, 200, url);
      assert.doesNotMatch(response.body, /Portal/, url);
    }
  });
});
