// The demo's incidents: a few hundred synthetic events along the migration routes, seeded fast,
// readable through the API like real ones (encrypted titles, acts, victims, complaints with a
// deadline, threats against defenders with protection measures).
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { bulletinMonth, seedDemoIncidents } from './demo-incidents.ts';
import { publishDemoRelease } from '../stats/demo-release.ts';
import type { ApiClient } from '../testing/test-harness.ts';

describeOnBothDatabases('demo incidents', (h) => {
  let doc: ApiClient;
  let seconds = 0;

  before(async () => {
    h().clock.now = new Date('2026-12-07T15:00:00Z');
    await seedDemo(h().ctx);
    const t0 = Date.now();
    // 320 events over two years, and the bulletin month's block of 411.
    assert.equal(await seedDemoIncidents(h().ctx), 731);
    seconds = (Date.now() - t0) / 1000;
    doc = await h().login('documentacion@soconusco.example', DEMO_PASSWORD);
  });

  it('seeds a few hundred events in a few seconds', () => {
    assert.ok(seconds < 15, `took ${seconds} s`);
  });

  it('places them along the routes, from Suchiate to Tijuana, with titles that read back', async () => {
    const summary = (await doc.get('/api/incidents/summary')).json() as {
      total: number;
      byState: { stateCode: string }[];
    };
    assert.equal(summary.total, 731, 'the documentation officer sees restricted events of her own');
    for (const state of ['07', '20', '30', '27', '09', '19', '28', '08', '02'])
      assert.ok(
        summary.byState.some((s) => s.stateCode === state),
        state,
      );
    // …and before Mexico, by Central American department (the dashboards' map, decision 0122).
    for (const state of ['GT-12', 'GT-17', 'HN-CR', 'SV-SS'])
      assert.ok(
        summary.byState.some((s) => s.stateCode === state),
        state,
      );
    const page = (await doc.get('/api/incidents?limit=5&act=extortion')).json() as {
      items: { title: string; actTypes: string[]; victimCount: number }[];
    };
    assert.equal(page.items.length, 5);
    for (const item of page.items) {
      assert.match(item.title, /^Extorsión en /);
      assert.ok(item.victimCount > 0);
    }
    const defenders = (await doc.get('/api/incidents?defenders=true')).json() as { items: { id: string }[] };
    assert.ok(defenders.items.length >= 3);
    const threat = (await doc.get(`/api/incidents/${defenders.items[0]?.id}`)).json() as {
      protectionMeasures: { stage: string; history: unknown[] }[];
    };
    assert.equal(threat.protectionMeasures[0]?.stage, 'granted');
    const { rows } = await h().ctx.db.query<{ n: number; with_deadline: number }>(
      'SELECT count(*)::int AS n, count(deadline_rule_id)::int AS with_deadline FROM incident_complaints',
    );
    assert.ok((rows[0]?.n ?? 0) > 3 && (rows[0]?.with_deadline ?? 0) > 0, JSON.stringify(rows[0]));
  });

  it('gives the network a published October bulletin with figures in it', async () => {
    assert.equal(bulletinMonth(new Date('2026-12-07T15:00:00Z')), '2026-10');
    assert.equal(bulletinMonth(new Date('2026-11-16T15:00:00Z')), '2026-10');
    assert.equal(bulletinMonth(new Date('2026-11-15T15:00:00Z')), '2026-09');
    const id = await publishDemoRelease(h().ctx);
    assert.ok(id);
    assert.equal(await publishDemoRelease(h().ctx), null, 'published once');
    const list = (await h().app.inject({ method: 'GET', url: '/api/public/releases' })).json() as {
      items: { id: string; title: string; periodFrom: string }[];
    };
    assert.deepEqual(
      list.items.map((i) => [i.title, i.periodFrom]),
      [['Violencia contra personas en movilidad, octubre de 2026', '2026-10']],
    );
    const release = (await h().app.inject({ method: 'GET', url: `/api/public/releases/${id}` })).json() as {
      tables: { cells: { keys: (string | null)[]; count: number | null }[] }[];
    };
    const inner = release.tables[0]!.cells.filter((c) => c.keys.every((k) => k !== null));
    const published = inner.filter((c) => c.count !== null && c.count >= 5);
    assert.ok(published.length >= 8, `published inner cells: ${published.length}`);
    for (const c of release.tables[0]!.cells) assert.ok(c.count === null || c.count === 0 || c.count >= 5);
  });
});
