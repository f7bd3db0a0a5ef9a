// Published releases (decision 0127): prepared, previewed and published by a coordinator; public
// figures only from frozen releases; later writes (a person, an incident dated inside the period,
// a restricted incident, a consent withdrawal) leave every published byte as it was; bad input
// publishes nothing; the live public statistics endpoints are gone.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { recordIncident } from './releases.testkit.ts';
import { buildLayout, coordsOf, revisionWeakCells } from '@acompana/core';
import { publishableFrom, statsEmbargoDays, type ReleaseDocument } from './releases.service.ts';

interface StoredCounts {
  categories: string[][];
  values: number[];
  hidden: number[];
}

type Act = [type: string, institution: string, state: string, n: number];
const OCTOBER: Act[] = [
  ['extortion', 'inm', '07', 9],
  ['extortion', 'guardia_nacional', '07', 7],
  ['extortion', 'organised_crime', '30', 8],
  ['robbery', 'organised_crime', '30', 6],
  ['robbery', 'organised_crime', '07', 5],
  ['kidnapping', 'organised_crime', '30', 2],
  ['arbitrary_detention', 'inm', '07', 6],
  ['arbitrary_detention', 'inm', '20', 1],
];

describe('embargo', () => {
  it('opens a period 15 days after it ends by default, configurable', () => {
    assert.equal(publishableFrom('2026-10', 15), '2026-11-16');
    assert.equal(publishableFrom('2026-12', 0), '2027-01-01');
    assert.equal(statsEmbargoDays({}), 15);
    assert.equal(statsEmbargoDays({ ACOMPANA_STATS_EMBARGO_DAYS: '30' }), 30);
    assert.throws(() => statsEmbargoDays({ ACOMPANA_STATS_EMBARGO_DAYS: 'soon' }));
  });
});

describeOnBothDatabases('statistics releases: frozen, published by a person', (h) => {
  let coordinator: ApiClient;
  let doc: ApiClient;
  let analyst: ApiClient;
  let orgA: string;
  let orgB: string;
  const get = (url: string) => h().app.inject({ method: 'GET', url });
  const body = (over: Partial<Record<string, unknown>> = {}) => ({
    title: 'Violencia contra personas en movilidad, octubre de 2026',
    periodFrom: '2026-10',
    periodTo: '2026-10',
    tables: ['incidents.acts', 'people.registered'],
    orgIds: [orgA, orgB],
    ...over,
  });

  before(async () => {
    h().clock.now = new Date('2026-12-07T16:00:00Z');
    orgA = await h().createOrg('red-a');
    orgB = await h().createOrg('red-b');
    await h().createAccount({ org: 'red-a', email: 'coord@a.example', role: 'coordinator' });
    await h().createAccount({ org: 'red-a', email: 'doc@a.example', role: 'documentation_officer' });
    await h().createAccount({ org: 'red-a', email: 'analyst@a.example', role: 'analyst' });
    coordinator = await h().login('coord@a.example');
    doc = await h().login('doc@a.example');
    analyst = await h().login('analyst@a.example');
    for (const state of ['07', '30', '20'])
      await recordIncident(doc, {
        date: '2026-10-12',
        state,
        acts: OCTOBER.filter((a) => a[2] === state).map(([t, i, , n]) => [t, i, n]),
      });
    // Twelve people registered in October (registration time set back: the API stamps "now").
    for (let i = 0; i < 12; i++) {
      const r = await coordinator.post('/api/people', {
        givenNames: `P${i}`,
        surnames: 'Prueba',
        sex: i % 3 ? 'F' : 'M',
        nationality: 'HN',
        estimatedAge: 25,
      });
      assert.equal(r.statusCode, 201, r.body);
    }
    await h().ctx.db.query("UPDATE people SET created_at = '2026-10-15T18:00:00Z'");
  });

  it('refuses bad input with the field named, and publishes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ periodFrom: '2026-12', periodTo: '2026-12' }, 'stats.period_not_closed', 'periodTo'],
      [{ periodFrom: '2026-11', periodTo: '2026-11' }, 'stats.period_not_closed', 'periodTo'],
      [{ tables: [] }, 'stats.release_tables', 'tables'],
      [{ tables: ['nothing.here'] }, 'stats.release_unknown_table', 'tables'],
      [{ tables: ['procedures.deadlines'] }, 'stats.release_empty_table', 'tables'],
      [{ orgIds: [] }, 'stats.release_organisations', 'orgIds'],
      [{ periodFrom: '2026-10', periodTo: '2026-09' }, 'stats.invalid_period', 'periodFrom'],
    ];
    for (const [over, code, field] of cases) {
      const r = await coordinator.post('/api/stats/releases', body(over));
      assert.equal(r.statusCode, 400, `${code}: ${r.body}`);
      assert.deepEqual([r.json().code, r.json().field], [code, field]);
      assert.ok((r.json() as { message: string }).message.length > 10);
    }
    const denied = await analyst.post('/api/stats/releases', body());
    assert.equal(denied.statusCode, 403);
    assert.deepEqual((await get('/api/public/releases')).json(), { items: [] });
  });

  it('previews without storing, publishes a frozen release, serves it without login', async () => {
    const preview = await coordinator.post('/api/stats/releases/preview', body());
    assert.equal(preview.statusCode, 200, preview.body);
    const draft = preview.json() as ReleaseDocument;
    assert.equal(draft.id, null);
    assert.deepEqual((await get('/api/public/releases')).json(), { items: [] });
    const acts = draft.tables[0]!;
    const at = (keys: (string | null)[]) => acts.cells.find((c) => c.keys.join('|') === keys.join('|'))?.count;
    // Some figures are published (the bulletin says something); the small ones are not.
    assert.ok(acts.cells.some((c) => c.count !== null && c.count >= 5));
    assert.equal(at(['kidnapping', 'organised_crime', 'MX30']), null);
    for (const c of acts.cells) assert.ok(c.count === null || c.count === 0 || c.count >= 5);

    const published = await coordinator.post('/api/stats/releases', body());
    assert.equal(published.statusCode, 201, published.body);
    const release = published.json() as ReleaseDocument;
    assert.match(release.contentHash, /^[0-9a-f]{64}$/);
    assert.deepEqual(release.tables, draft.tables);
    const list = (await get('/api/public/releases')).json() as { items: Record<string, unknown>[] };
    assert.deepEqual(list.items, [
      {
        id: release.id,
        title: 'Violencia contra personas en movilidad, octubre de 2026',
        periodFrom: '2026-10',
        periodTo: '2026-10',
        publishedAt: '2026-12-07T16:00:00.000Z',
      },
    ]);
    const one = await get(`/api/public/releases/${release.id}`);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(JSON.parse(one.body), release);
    assert.equal((await get('/api/public/releases/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    // The live tables are gone: no public URL computes a figure on request.
    assert.ok([401, 404].includes((await get('/api/public/stats/incidents.acts?from=2026-10&to=2026-10')).statusCode));
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action = 'statistics.publish'",
    );
    assert.equal(rows.length, 1);
  });

  it('leaves every published byte as it was after later writes', async () => {
    const { items } = (await get('/api/public/releases')).json() as { items: { id: string }[] };
    const urls = items.flatMap(({ id }) => [
      `/api/public/releases/${id}`,
      ...['csv', 'json', 'xlsx', 'pdf'].flatMap((f) => [
        `/api/public/releases/${id}/download?format=${f}&lang=es`,
        `/api/public/releases/${id}/download?format=${f}&lang=en`,
      ]),
      `/api/public/releases/${id}/download?format=csv&table=people.registered&part=totals`,
    ]);
    const snapshot = async () => Promise.all(urls.map(async (u) => (await get(u)).rawPayload.toString('base64')));
    const before = await snapshot();
    for (const [i, b] of before.entries()) assert.ok(b.length > 20, urls[i]);

    const person = await coordinator.post('/api/people', {
      givenNames: 'Nueva',
      surnames: 'Persona',
      sex: 'F',
      nationality: 'GT',
      estimatedAge: 8,
    });
    assert.equal(person.statusCode, 201, person.body);
    const personId = (person.json() as { id: string }).id;
    await h().ctx.db.query("UPDATE people SET created_at = '2026-10-20T18:00:00Z' WHERE id = $1", [personId]);
    await recordIncident(doc, { date: '2026-10-03', state: '08', acts: [['death', 'prosecutors_mx', 1]] });
    await recordIncident(doc, {
      date: '2026-10-14',
      state: '26',
      acts: [['death', 'prosecutors_mx', 1]],
      confidentiality: 'restricted',
    });
    const { rows } = await h().ctx.db.query<{ id: string }>(
      'SELECT id::text AS id FROM people ORDER BY created_at LIMIT 1',
    );
    const consent = await coordinator.post(`/api/people/${rows[0]!.id}/consents`, {
      purpose: 'statistics',
      method: 'signed',
    });
    assert.equal(consent.statusCode, 201, consent.body);
    const withdrawn = await coordinator.post(
      `/api/people/${rows[0]!.id}/consents/${(consent.json() as { id: string }).id}/withdraw`,
      {},
    );
    assert.equal(withdrawn.statusCode, 204, withdrawn.body);
    await expectRejected(h().ctx.db.query("UPDATE stats_releases SET title = 'x'"));

    const after = await snapshot();
    for (const [i, url] of urls.entries()) assert.equal(after[i], before[i], url);
  });

  it('publishes a revision that no differencing attack over both releases can open', async () => {
    h().clock.advanceMinutes(5);
    const revision = await coordinator.post('/api/stats/releases', body({ title: 'Octubre de 2026 (revisión)' }));
    assert.equal(revision.statusCode, 201, revision.body);
    const { rows } = await h().ctx.db.query<{ id: string; counts: Record<string, StoredCounts>; revises: string[] }>(
      'SELECT id::text AS id, protected_counts AS counts, revises::text[] AS revises FROM stats_releases ORDER BY published_at, id',
    );
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1]!.revises, [rows[0]!.id]);
    for (const indicator of ['incidents.acts', 'people.registered']) {
      const [a, b] = [rows[0]!.counts[indicator]!, rows[1]!.counts[indicator]!];
      // The first release on the revision's layout (a category it lacked is a published 0).
      const layout = buildLayout(b.categories.map((c) => c.length));
      const valuesA = new Array<number>(layout.cellCount).fill(0);
      const hiddenA = new Uint8Array(layout.cellCount);
      const hiddenSetA = new Set(a.hidden);
      for (let c = 0; c < layout.cellCount; c++) {
        const coords = coordsOf(c, layout.shape, layout.strides);
        const old = coords.map((k, d) =>
          k === b.categories[d]!.length ? a.categories[d]!.length : a.categories[d]!.indexOf(b.categories[d]![k]!),
        );
        if (old.some((k) => k < 0)) continue;
        const at = old.reduce((n, k, d) => n * (a.categories[d]!.length + 1) + k, 0);
        valuesA[c] = a.values[at]!;
        hiddenA[c] = hiddenSetA.has(at) ? 1 : 0;
      }
      const hiddenB = new Uint8Array(layout.cellCount);
      for (const c of b.hidden) hiddenB[c] = 1;
      const weak = revisionWeakCells({
        layout,
        releases: [
          { values: valuesA, hidden: hiddenA },
          { values: b.values, hidden: hiddenB },
        ],
        threshold: 5,
        protectionLevel: 5,
        zeros: 'publish',
      });
      assert.deepEqual(weak, [], indicator);
    }
  });

  it('downloads HXL CSV (cells and totals apart), JSON, XLSX and a PDF in the reader’s language', async () => {
    const { items } = (await get('/api/public/releases')).json() as { items: { id: string }[] };
    const id = items[0]!.id;
    const csv = (await get(`/api/public/releases/${id}/download?format=csv&lang=es`)).body.split('\r\n');
    assert.match(
      csv[1]!,
      /^#event\+type\+code,#event\+type\+name,#group\+code,#group\+name,#country\+code,#country\+name,#adm1\+code,#adm1\+name,#indicator\+num,#description$/,
    );
    assert.ok(!csv.some((l) => l.includes('Total')));
    assert.ok(
      csv.some((l) => l.includes('MX,México,MX07,Chiapas')),
      csv.join('\n'),
    );
    const totals = (await get(`/api/public/releases/${id}/download?format=csv&lang=en&part=totals`)).body;
    assert.match(totals, /Total/);
    assert.doesNotMatch(totals, /oculto/);
    const people = (await get(`/api/public/releases/${id}/download?format=csv&table=people.registered&lang=es`)).body;
    assert.match(people.split('\r\n')[1]!, /#reached\+num\+f\+adults\+age_18_29/);
    const pdf = await get(`/api/public/releases/${id}/download?format=pdf&lang=en`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });
});

async function expectRejected(p: Promise<unknown>): Promise<void> {
  await assert.rejects(p);
}
