// The public directory made light (docs/decisions/0133): answers compressed when the client
// asks, a weak ETag that turns an unchanged page into a 304 without a body, "revalidate" rather
// than no-store, the places index the portal draws its choices from, and need=a,b meaning any of.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { legalIdentityService } from './directory-fixtures.ts';

describeOnBothDatabases('public directory: compression and validators', (h) => {
  const URL = '/api/public/hsds/services?per_page=50&page=1';

  it('is seeded with services in three states and two needs', async () => {
    await h().createAccount({ org: 'ligero', email: 'coord@ligero.example', role: 'coordinator' });
    const coordinator = await h().login('coord@ligero.example');
    const places = [
      { state: 'Chiapas', city: 'Tapachula', need: 'legal' },
      { state: 'Chiapas', city: 'Palenque', need: 'shelter' },
      { state: 'Chiapas', city: 'Tapachula', need: 'food' },
      { state: 'Sonora', city: 'Nogales', need: 'legal' },
      { state: 'Baja California', city: 'Tijuana', need: 'housing' },
    ];
    for (const [i, place] of places.entries()) {
      const created = await coordinator.post('/api/directory/services', {
        ...legalIdentityService({ ...place, name: `Servicio ${i} (Ejemplo)` }),
      });
      assert.equal(created.statusCode, 201, created.body);
    }
  });

  it('compresses with brotli or gzip as asked, and sends identity otherwise', async () => {
    const plain = await h().app.inject({ method: 'GET', url: URL });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await h().app.inject({ method: 'GET', url: URL, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.rawPayload).toString()), JSON.parse(plain.body));
    assert.ok(
      br.rawPayload.length < plain.rawPayload.length / 3,
      `${br.rawPayload.length} of ${plain.rawPayload.length}`,
    );
    const gz = await h().app.inject({ method: 'GET', url: URL, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString()), JSON.parse(plain.body));
  });

  it('answers If-None-Match with 304 and no body, and a new ETag once the directory changes', async () => {
    const first = await h().app.inject({ method: 'GET', url: URL });
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"[\w-]+"$/);
    assert.equal(first.headers['cache-control'], 'public, no-cache');
    const again = await h().app.inject({ method: 'GET', url: URL, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    // The strong form of the same tag matches too (weak comparison, RFC 9110 13.1.2).
    const strong = await h().app.inject({ method: 'GET', url: URL, headers: { 'if-none-match': etag.slice(2) } });
    assert.equal(strong.statusCode, 304);
    const other = await h().app.inject({ method: 'GET', url: URL, headers: { 'if-none-match': 'W/"other"' } });
    assert.equal(other.statusCode, 200);

    const coordinator = await h().login('coord@ligero.example');
    const created = await coordinator.post('/api/directory/services', legalIdentityService({ state: 'Sonora' }));
    assert.equal(created.statusCode, 201);
    const changed = await h().app.inject({ method: 'GET', url: URL, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
  });

  it('lists the places with how many services each, validated the same way', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/public/hsds/areas' });
    assert.equal(response.statusCode, 200, response.body);
    const { areas } = response.json() as { areas: { state: string; country: string; services: number }[] };
    assert.deepEqual(
      areas.map((a) => [a.state, a.services]),
      [
        ['Baja California', 1],
        ['Chiapas', 3],
        ['Sonora', 2],
      ],
    );
    const again = await h().app.inject({
      method: 'GET',
      url: '/api/public/hsds/areas',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    assert.equal(again.statusCode, 304);
  });

  it('pages one area and any of several needs', async () => {
    const page = await h().app.inject({
      method: 'GET',
      url: '/api/public/hsds/services?state=chiapas&need=shelter,food,housing&per_page=1&page=1',
    });
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json() as { total_items: number; total_pages: number; contents: { name: string }[] };
    assert.equal(body.total_items, 2);
    assert.equal(body.total_pages, 2);
    assert.equal(body.contents.length, 1);
    const one = await h().app.inject({ method: 'GET', url: '/api/public/hsds/services?state=Chiapas&need=legal' });
    assert.equal((one.json() as { total_items: number }).total_items, 1);
  });
});
