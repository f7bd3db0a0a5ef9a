// The staff app is served at /app/ with its own routes falling back to index.html; the public
// portal at / and /<lang>/… with its service worker at /sw.js.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startHarness, type TestHarness } from './testing/test-harness.ts';

const BIG = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `palabra ${i}`))};`;

/** A portal document of the real one's size (past the 1 KiB under which nothing is compressed). */
const PORTAL = `<!doctype html><html lang="es"><title>Portal</title><!-- ${'x'.repeat(1200)} --></html>`;

describe('serving the staff web app and the public portal', () => {
  const dist = mkdtempSync(join(tmpdir(), 'acompana-dist-'));
  let h: TestHarness;
  before(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Acompaña</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'portal.html'), PORTAL);
    writeFileSync(join(dist, 'sw.js'), "self.addEventListener('fetch', () => {});");
    // What the build writes next to each text file (vite.config.ts, precompress).
    writeFileSync(join(dist, 'assets', 'big-def456.js'), BIG);
    writeFileSync(join(dist, 'assets', 'big-def456.js.br'), brotliCompressSync(BIG));
    writeFileSync(join(dist, 'assets', 'big-def456.js.gz'), gzipSync(BIG));
    writeFileSync(join(dist, 'portal.html.br'), brotliCompressSync(PORTAL));
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

  it('says the language of each prefix in the document itself (<html lang>), before any script runs', async () => {
    for (const [url, lang] of [
      ['/ht/', 'ht'],
      ['/fr/services', 'fr'],
      ['/en', 'en'],
      ['/pt/guides/asylum-mexico', 'pt'],
      ['/es/', 'es'],
    ]) {
      const response = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      assert.match(response.body, new RegExp(`<html lang="${lang}">`), url);
    }
    const compressed = await h.app.inject({ method: 'GET', url: '/ht/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(compressed.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(compressed.rawPayload).toString('utf8'), /<html lang="ht">/);
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

  it('sends the precompressed file the client accepts, immutable, varying on accept-encoding', async () => {
    const url = '/app/assets/big-def456.js';
    const br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), BIG);
    const gz = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), BIG);
    const plain = await h.app.inject({ method: 'GET', url });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, BIG);
    // The portal document at the root too (sendFile), and still revalidated every time.
    const portal = await h.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    assert.equal(portal.headers['content-encoding'], 'br');
    assert.equal(portal.headers['cache-control'], 'no-cache');
    assert.match(brotliDecompressSync(portal.rawPayload).toString(), /<title>Portal<\/title>/);
  });

  it('compresses API answers on the fly (the OpenAPI document)', async () => {
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(docs.statusCode, 200);
    assert.equal(docs.headers['content-encoding'], 'gzip');
    assert.ok(JSON.parse(gunzipSync(docs.rawPayload).toString()).paths['/api/public/hsds/areas']);
  });
});
