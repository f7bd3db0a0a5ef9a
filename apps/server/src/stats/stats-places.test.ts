// Central American departments in the indicators (issue 10, item 2; decision 0122): incidents
// accept ISO 3166-2 codes of the country and refuse unknown ones naming the field; the
// organisation's table counts by department; a public release coarsens places as configured
// (by default Mexico by state, Central America by country), filters included.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { createStatsService, type StatsTable } from './stats.service.ts';
import { statsPublicPlaces } from './stats-places.ts';
import { publishMonth } from './releases.testkit.ts';

const counts = (table: StatsTable): Record<string, number | null> =>
  Object.fromEntries(table.cells.map((c) => [c.keys[0] ?? '*', c.count]));

describe('statsPublicPlaces', () => {
  it('keeps Mexico by state by default, takes adm1, country or a list, and refuses nonsense', () => {
    assert.deepEqual(statsPublicPlaces({}), ['MX']);
    assert.equal(statsPublicPlaces({ ACOMPANA_STATS_PUBLIC_PLACES: 'adm1' }), 'adm1');
    assert.equal(statsPublicPlaces({ ACOMPANA_STATS_PUBLIC_PLACES: 'country' }), 'country');
    assert.deepEqual(statsPublicPlaces({ ACOMPANA_STATS_PUBLIC_PLACES: 'mx, gt' }), ['MX', 'GT']);
    assert.throws(() => statsPublicPlaces({ ACOMPANA_STATS_PUBLIC_PLACES: 'Guatemala' }));
  });
});

describeOnBothDatabases('statistics: Central American departments', (h) => {
  let doc: ApiClient;

  async function record(country: string, stateCode: string, acts: number): Promise<void> {
    const created = await doc.post('/api/incidents', {
      title: 'Evento',
      start: { date: '2025-10-05', precision: 'day' },
      place: { country, stateCode },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: string }).id;
    const victim = (
      await doc.post(`/api/incidents/${id}/victims`, { count: 1, sex: 'M', ageGroup: '18-29' })
    ).json() as { victims: { id: string }[] };
    const perpetrator = (
      await doc.post(`/api/incidents/${id}/perpetrators`, { institution: 'organised_crime' })
    ).json() as { perpetrators: { id: string }[] };
    for (let i = 0; i < acts; i++) {
      const r = await doc.post(`/api/incidents/${id}/acts`, {
        type: 'extortion',
        victimIds: [victim.victims[0]!.id],
        perpetratorIds: [perpetrator.perpetrators[0]!.id],
      });
      assert.equal(r.statusCode, 201, r.body);
    }
  }

  before(async () => {
    h().clock.now = new Date('2025-11-03T16:00:00Z');
    await h().createAccount({ org: 'frontera', email: 'doc@frontera.example', role: 'documentation_officer' });
    doc = await h().login('doc@frontera.example');
    await record('GT', 'GT-16', 3);
    await record('GT', '12', 4); // the part after the hyphen is the same department (GT-12)
    await record('HN', 'HN-CR', 6);
    await record('MX', '07', 7);
  });

  it('refuses a code that is not a first-level unit of the country, naming the field', async () => {
    for (const [country, stateCode] of [
      ['GT', 'GT-23'],
      ['GT', 'AV'],
      ['HN', 'GT-16'],
      ['PA', 'PA-11'],
    ] as const) {
      const r = await doc.post('/api/incidents', {
        title: 'x',
        start: { date: '2025-10-05', precision: 'day' },
        place: { country, stateCode },
      });
      assert.equal(r.statusCode, 400, `${country} ${stateCode}`);
      assert.deepEqual(
        [(r.json() as { code: string }).code, (r.json() as { field: string }).field],
        ['incidents.invalid_place', 'place.stateCode'],
      );
    }
  });

  it("counts the organisation's acts by department, named in the request's language", async () => {
    const table = (
      await doc.get('/api/stats/incidents.acts?by=state&from=2025-10&to=2025-10', { 'accept-language': 'en' })
    ).json() as StatsTable;
    assert.deepEqual(counts(table), { MX07: 7, 'GT-12': 4, 'GT-16': 3, 'HN-CR': 6, '*': 20 });
    assert.equal(table.dimensions[0]!.categories.find((c) => c.key === 'GT-16')?.label, 'Alta Verapaz');
  });

  it('publishes Central America by country by default, filters included, and says so', async () => {
    await publishMonth(h().ctx, ['incidents.acts'], '2025-10');
    const r = await doc.get('/api/stats/incidents.acts?scope=network&by=state&from=2025-10&to=2025-10&lang=es');
    assert.equal(r.statusCode, 200, r.body);
    const table = r.json() as StatsTable;
    assert.deepEqual(counts(table), { MX07: 7, GT: 7, HN: 6, '*': 20 });
    assert.deepEqual(
      table.dimensions[0]!.categories.map((c) => [c.key, c.label]),
      [
        ['GT', 'Guatemala'],
        ['HN', 'Honduras'],
        ['MX07', 'Chiapas'],
      ],
    );
    assert.match(table.method, /por estado o departamento en MX; en los demás países, solo por país/);
    // A department filter is answered with its country's slice, never a department's count.
    const sliced = (
      await doc.get('/api/stats/incidents.acts?scope=network&by=type&filter=state:GT-16&from=2025-10&to=2025-10')
    ).json() as StatsTable;
    assert.deepEqual(
      sliced.filters.map((f) => f.key),
      ['GT'],
    );
    assert.equal(counts(sliced)['*'], 7);
    const csv = (
      await doc.get('/api/stats/incidents.acts/export?format=csv&scope=network&by=state&from=2025-10&to=2025-10')
    ).body;
    assert.doesNotMatch(csv, /Alta Verapaz|San Marcos|Cortés/);
  });

  it('keeps departments when configured, and suppresses the small ones', async () => {
    const ctx = h().ctx;
    const byDepartment = createStatsService({
      db: ctx.db,
      keyring: ctx.keyring,
      audit: ctx.audit,
      clock: ctx.clock,
      minCell: 5,
      publicPlaces: 'adm1',
    });
    const table = await byDepartment.publicTable(
      'incidents.acts',
      { by: 'state', from: '2025-10', to: '2025-10' },
      'en',
    );
    const c = counts(table);
    assert.deepEqual(Object.keys(c).sort(), ['*', 'GT-12', 'GT-16', 'HN-CR', 'MX07']);
    assert.equal(c['GT-16'], null);
    assert.equal(c['GT-12'], null);
    const everyCountry = createStatsService({
      db: ctx.db,
      keyring: ctx.keyring,
      audit: ctx.audit,
      clock: ctx.clock,
      minCell: 5,
      publicPlaces: 'country',
    });
    assert.deepEqual(
      counts(await everyCountry.publicTable('incidents.acts', { by: 'state', from: '2025-10', to: '2025-10' }, 'en')),
      { GT: 7, HN: 6, MX: 7, '*': 20 },
    );
  });
});
