// The services directory through the API: organisations maintain their own HSDS entries, stale
// reminders, export validated against the official HSDS 3.0 schemas and round-tripped, an
// all-or-nothing import, and the public read-only API for the portal.
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { legalIdentityService } from './directory-fixtures.ts';
import { hsdsSchemaChecker } from './hsds-schema-check.ts';

const checkHsds = hsdsSchemaChecker(fileURLToPath(new URL('../../../../tests/fixtures/hsds/', import.meta.url)));

interface Entry {
  service: {
    id: string;
    name: string;
    assured_date: string;
    languages: { code: string }[];
    contacts: unknown[];
    service_at_locations: { location: { addresses: { country: string }[] } }[];
  };
  version: number;
  stale: boolean;
  lastVerifiedOn: string;
  acceptsReferrals: boolean;
}
interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  contents: Record<string, unknown>[];
}

const put = (c: ApiClient, url: string, payload: object) => c.request({ method: 'PUT', url, payload });

describeOnBothDatabases('services directory', (h) => {
  let coordinator: ApiClient;
  let entry: Entry;

  it('lets an organisation add an HSDS service, normalising codes, with last verified today', async () => {
    await h().createAccount({ org: 'retorno', email: 'coord@retorno.example', role: 'coordinator' });
    coordinator = await h().login('coord@retorno.example');
    const created = await coordinator.post('/api/directory/services', {
      ...legalIdentityService(),
      acceptsReferrals: true,
    });
    assert.equal(created.statusCode, 201, created.body);
    entry = created.json() as Entry;
    assert.equal(entry.version, 1);
    assert.equal(entry.acceptsReferrals, true);
    assert.equal(entry.stale, false);
    assert.equal(entry.lastVerifiedOn, h().clock.now.toISOString().slice(0, 10));
    assert.equal(entry.service.service_at_locations[0]?.location.addresses[0]?.country, 'MX');
    assert.equal(entry.service.contacts.length, 1);
  });

  it('keeps changes versioned: a stale version is refused with 409', async () => {
    const url = `/api/directory/services/${entry.service.id}`;
    const changed = await put(coordinator, url, {
      ...entry.service,
      name: 'Identidad jurídica (Ejemplo, horario ampliado)',
      version: 1,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((changed.json() as Entry).version, 2);
    const stale = await put(coordinator, url, { ...entry.service, version: 1 });
    assert.equal(stale.statusCode, 409);
    const { rows } = await h().ctx.db.query<{ version: number }>(
      'SELECT version FROM hsds_service_versions WHERE service_id = $1 ORDER BY version',
      [entry.service.id],
    );
    assert.deepEqual(
      rows.map((r) => r.version),
      [1, 2],
    );
  });

  it('lets only the maintaining organisation change an entry, and only roles that may', async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'retorno', email: 'cw@retorno.example', role: 'caseworker' });
    const other = await h().login('coord@albergue.example');
    const caseworker = await h().login('cw@retorno.example');
    assert.equal(
      (await put(other, `/api/directory/services/${entry.service.id}`, { ...entry.service })).statusCode,
      403,
    );
    assert.equal((await caseworker.post('/api/directory/services', legalIdentityService())).statusCode, 403);
    assert.equal(
      (await other.get(`/api/directory/services/${entry.service.id}`)).statusCode,
      200,
      'everyone reads the directory',
    );
  });

  it('lists entries not verified for 180 days as stale until someone verifies them', async () => {
    h().clock.advanceMinutes(181 * 24 * 60);
    coordinator = await h().login('coord@retorno.example'); // the old session timed out meanwhile
    const stale = (await coordinator.get('/api/directory/entries/stale')).json() as { items: Entry[] };
    assert.deepEqual(
      stale.items.map((e) => e.service.id),
      [entry.service.id],
    );
    assert.equal(stale.items[0]?.stale, true);
    const verified = await coordinator.post(`/api/directory/services/${entry.service.id}/verify`);
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal((verified.json() as Entry).stale, false);
    assert.equal(
      ((await coordinator.get('/api/directory/entries/stale')).json() as { items: Entry[] }).items.length,
      0,
    );
  });

  it('exports HSDS that the official HSDS 3.0 schemas validate, and re-importing it changes nothing', async () => {
    await coordinator.post(
      '/api/directory/services',
      legalIdentityService({ name: 'Albergue temporal Ejemplo', need: 'shelter', language: 'ht' }),
    );
    const exported = await coordinator.get('/api/directory/hsds/export');
    assert.equal(exported.statusCode, 200, exported.body);
    const page = exported.json() as Page;
    assert.equal(page.total_items, 2);
    for (const [i, service] of page.contents.entries())
      assert.deepEqual(checkHsds('service.json', service), [], `contents[${i}]`);
    const imported = await coordinator.post('/api/directory/hsds/import', { contents: page.contents });
    assert.equal(imported.statusCode, 200, imported.body);
    assert.deepEqual(imported.json(), { created: 0, updated: 2 });
    const again = (await coordinator.get('/api/directory/hsds/export')).json() as Page;
    const withoutModified = (p: Page) => p.contents.map(({ last_modified: _, ...rest }) => rest);
    assert.deepEqual(withoutModified(again), withoutModified(page));
  });

  it('imports nothing when any record is invalid, and reports each problem with its path', async () => {
    const before = ((await coordinator.get('/api/directory/hsds/export')).json() as Page).total_items;
    const bad = { ...legalIdentityService(), status: 'open', id: 'not-a-uuid' };
    const noCity = legalIdentityService();
    delete (noCity.service_at_locations[0]?.location.addresses[0] as { city?: string }).city;
    const response = await coordinator.post('/api/directory/hsds/import', {
      contents: [legalIdentityService(), bad, noCity],
    });
    assert.equal(response.statusCode, 400, response.body);
    const body = response.json() as { code: string; problems: { path: string }[] };
    assert.equal(body.code, 'directory.import_invalid');
    const paths = body.problems.map((p) => p.path);
    assert.ok(paths.includes('contents[1].id') && paths.includes('contents[1].status'), paths.join(', '));
    assert.ok(paths.includes('contents[2].service_at_locations[0].location.addresses[0].city'), paths.join(', '));
    assert.equal(((await coordinator.get('/api/directory/hsds/export')).json() as Page).total_items, before);
  });

  it("refuses to import over another organisation's entries", async () => {
    const other = await h().login('coord@albergue.example');
    const response = await other.post('/api/directory/hsds/import', {
      contents: [{ ...legalIdentityService(), id: entry.service.id }],
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      (response.json() as { problems: { path: string }[] }).problems.map((p) => p.path),
      ['contents[0].id'],
    );
  });

  it('serves the public HSDS API without login, filtered and paginated, without contacts', async () => {
    const anonymous = (url: string) => h().app.inject({ method: 'GET', url });
    const all = await anonymous('/api/public/hsds/services');
    assert.equal(all.statusCode, 200, all.body);
    assert.equal((all.json() as Page).total_items, 2);
    const byNeed = (
      await anonymous('/api/public/hsds/services?need=shelter&state=baja%20california&language=HT')
    ).json() as Page;
    assert.deepEqual(
      byNeed.contents.map((s) => s.name),
      ['Albergue temporal Ejemplo'],
    );
    assert.equal(((await anonymous('/api/public/hsds/services?state=Chiapas')).json() as Page).total_items, 0);
    const paged = (await anonymous('/api/public/hsds/services?per_page=1&page=2')).json() as Page;
    assert.deepEqual([paged.total_items, paged.total_pages, paged.page_number, paged.size], [2, 2, 2, 1]);
    assert.ok(
      !all.body.includes('atencion@ejemplo.invalid') && !all.body.includes('Mesa de atención'),
      'no contacts in public',
    );
    assert.equal((await anonymous(`/api/public/hsds/services/${entry.service.id}`)).statusCode, 200);
    assert.equal((await anonymous('/api/directory/hsds/export')).statusCode, 401);
  });

  it('keeps the public search in step with writes: a shared location that moves, a closure, a removal', async () => {
    const names = async (query: string) =>
      (
        (await h().app.inject({ method: 'GET', url: `/api/public/hsds/services?${query}` })).json() as Page
      ).contents.map((s) => s.name);
    const first = legalIdentityService({
      name: 'Comedor Ejemplo',
      need: 'food',
      state: 'Baja California',
      city: 'Mexicali',
    });
    const sal = first.service_at_locations[0] as (typeof first.service_at_locations)[number];
    // The second service is at the same location (another link, the same location and address).
    const second = {
      ...legalIdentityService({ name: 'Dispensario Ejemplo', need: 'food' }),
      service_at_locations: [{ ...sal, id: randomUUID() }],
    };
    assert.equal((await coordinator.post('/api/directory/services', first)).statusCode, 201);
    assert.equal((await coordinator.post('/api/directory/services', second)).statusCode, 201);
    assert.deepEqual(await names('need=food&city=MEXICALI&language=en'), ['Comedor Ejemplo', 'Dispensario Ejemplo']);
    // State and city of the same address, not of any two addresses.
    assert.deepEqual(await names('need=food&state=Sonora&city=Mexicali'), []);
    const moved = {
      ...first,
      service_at_locations: [
        { ...sal, location: { ...sal.location, addresses: [{ ...sal.location.addresses[0], city: 'Tecate' }] } },
      ],
    };
    assert.equal(
      (await put(coordinator, `/api/directory/services/${first.id}`, { ...moved, version: 1 })).statusCode,
      200,
    );
    assert.deepEqual(
      await names('need=food&city=Mexicali'),
      [],
      "the other service's place moved with the shared location",
    );
    assert.deepEqual(await names('need=food&city=tecate'), ['Comedor Ejemplo', 'Dispensario Ejemplo']);
    assert.equal(
      (await put(coordinator, `/api/directory/services/${first.id}`, { ...moved, status: 'inactive', version: 2 }))
        .statusCode,
      200,
    );
    assert.equal(
      (await coordinator.request({ method: 'DELETE', url: `/api/directory/services/${second.id}` })).statusCode,
      204,
    );
    assert.deepEqual(await names('need=food'), []);
  });
});
