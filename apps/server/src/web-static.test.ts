// The staff app is served at /app/ with its own routes falling back to index.html.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type TestHarness } from './testing/test-harness.ts';

describe('serving the staff web app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'acompana-dist-'));
  let h: TestHarness;
  before(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Acompaña</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
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

  it('sends the root to the staff app until the public portal exists', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/' });
    assert.equal(response.headers.location, '/app/');
  });
});
