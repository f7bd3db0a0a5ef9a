// Journey 6 of USER-JOURNEYS.md, the API part: the network coordinator's monthly bulletin. Acts of
// violence by act type × perpetrator institution × state for October, from two organisations;
// the organisation's own dashboard (exact, small cells marked), the public table (no cell under
// 5, no hidden cell recoverable from the totals), the same table as HXL CSV, and people
// registered by nationality × sex.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../../packages/core/src/statistics/count-table.model.ts';
import { attackIntervals } from '../../../../packages/core/src/statistics/interval-attack.solver.ts';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { createStatsService, statsMinCell } from './stats.service.ts';
import { createReleasesService } from './releases.service.ts';
import type { StatsTable } from './stats.service.ts';

/** [act type, institution, state, how many] — org A has 40 acts, some in small cells. */
const ORG_A: [string, string, string, number][] = [
  ['extortion', 'inm', '07', 8],
  ['extortion', 'guardia_nacional', '07', 6],
  ['extortion', 'organised_crime', '30', 7],
  ['robbery', 'organised_crime', '30', 6],
  ['robbery', 'organised_crime', '07', 5],
  ['kidnapping', 'organised_crime', '30', 2],
  ['arbitrary_detention', 'inm', '07', 3],
  ['arbitrary_detention', 'inm', '08', 1],
  ['physical_assault', 'guardia_nacional', '08', 2],
];
const INJECTED_STATE = '=1+1';

function cellMap(table: StatsTable): Map<string, StatsTable['cells'][number]> {
  return new Map(table.cells.map((c) => [c.keys.map((k) => k ?? '*').join('|'), c]));
}

/** Every published line (cells along one dimension, the others fixed) with its total. */
function lines(table: StatsTable): { inner: StatsTable['cells']; total: StatsTable['cells'][number] }[] {
  const out: { inner: StatsTable['cells']; total: StatsTable['cells'][number] }[] = [];
  const byKey = cellMap(table);
  table.dimensions.forEach((dim, d) => {
    for (const cell of table.cells) {
      if (cell.keys[d] !== null) continue;
      const inner = dim.categories.map((c) =>
        byKey.get(cell.keys.map((k, i) => (i === d ? c.key : (k ?? '*'))).join('|'))!,
      );
      out.push({ inner, total: cell });
    }
  });
  return out;
}

describe('statsMinCell', () => {
  it('is 5 by default, can be raised, never lowered, and refuses nonsense', () => {
    assert.equal(statsMinCell({}), 5);
    assert.equal(statsMinCell({ ACOMPANA_STATS_MIN_CELL: '10' }), 10);
    assert.equal(statsMinCell({ ACOMPANA_STATS_MIN_CELL: '3' }), 5);
    assert.throws(() => statsMinCell({ ACOMPANA_STATS_MIN_CELL: 'five' }));
  });

  it('refuses, rather than stalls on, a release cube too large to audit on request', async () => {
    // 7 types × 5 institutions × 150 states: 5,250 cells, over the limit of 5,000.
    const rows = Array.from({ length: 150 }, (_, i) => ({
      k0: `t${i % 7}`,
      k1: `i${i % 5}`,
      k2: `MX${String(i).padStart(3, '0')}`,
      n: 2,
    }));
    const db = { query: async () => ({ rows, rowCount: rows.length }) } as unknown as Database;
    const stats = createStatsService({
      db,
      keyring: {} as never,
      audit: {} as AuditWriter,
      clock: () => new Date(),
      minCell: 5,
    });
    await assert.rejects(stats.publicTable('incidents.acts', { from: '2025-10', to: '2025-10' }, 'en'), {
      code: 'stats.release_too_large',
    });
  });
});

describeOnBothDatabases('statistics: journey 6, the monthly bulletin', (h) => {
  let docA: ApiClient;
  let analystA: ApiClient;
  let docB: ApiClient;
  let outsider: ApiClient;
  /** The network publishes a period (the view of the network reads only what was published). */
  async function publish(tables: string[], month: string): Promise<void> {
    const db = h().ctx.db;
    const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM organisations');
    const admin = (
      await db.query<{ account_id: string; org_id: string }>(
        `SELECT m.account_id::text AS account_id, m.org_id::text AS org_id FROM memberships m
         JOIN accounts a ON a.id = m.account_id WHERE a.email = 'admin@a.example'`,
      )
    ).rows[0]!;
    // Published after the period's embargo, without moving the test's clock (sessions would expire).
    const releases = createReleasesService({
      db,
      audit: h().ctx.audit,
      clock: () => new Date('2025-11-20T16:00:00Z'),
      minCell: 5,
    });
    await releases.publish(
      { accountId: admin.account_id, orgId: admin.org_id, role: 'admin', teamIds: [], sharing: [] },
      { title: `Red ${month}`, periodFrom: month, periodTo: month, tables, orgIds: rows.map((o) => o.id) },
    );
  }
  const publicGet = (url: string, headers: Record<string, string> = {}) =>
    h().app.inject({ method: 'GET', url, headers });

  async function record(
    doc: ApiClient,
    state: string,
    acts: [string, string, number][],
    extraPerpetrator?: string,
  ): Promise<string> {
    const created = await doc.post('/api/incidents', {
      title: 'Evento',
      start: { date: '2025-10-05', precision: 'day' },
      place: { country: 'MX', stateCode: state },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: string }).id;
    const victim = (
      await doc.post(`/api/incidents/${id}/victims`, { count: 1, sex: 'F', ageGroup: '18-29' })
    ).json() as { victims: { id: string }[] };
    const perpetrators = new Map<string, string>();
    for (const institution of new Set([...acts.map((a) => a[1]), ...(extraPerpetrator ? [extraPerpetrator] : [])])) {
      const r = (await doc.post(`/api/incidents/${id}/perpetrators`, { institution })).json() as {
        perpetrators: { id: string; institution: string }[];
      };
      perpetrators.set(institution, r.perpetrators.find((p) => p.institution === institution)!.id);
    }
    for (const [type, institution, n] of acts) {
      for (let i = 0; i < n; i++) {
        const perpetratorIds = [
          perpetrators.get(institution)!,
          ...(extraPerpetrator ? [perpetrators.get(extraPerpetrator)!] : []),
        ];
        const r = await doc.post(`/api/incidents/${id}/acts`, {
          type,
          victimIds: [victim.victims[0]!.id],
          perpetratorIds,
        });
        assert.equal(r.statusCode, 201, r.body);
      }
    }
    return id;
  }

  before(async () => {
    h().clock.now = new Date('2025-11-03T16:00:00Z');
    const orgA = await h().createOrg('red-sur');
    for (const [email, role] of [
      ['doc@a.example', 'documentation_officer'],
      ['analyst@a.example', 'analyst'],
      ['cw@a.example', 'caseworker'],
      ['admin@a.example', 'admin'],
    ] as const) {
      await h().ctx.accounts.createAccount({ orgId: orgA, email, password: TEST_PASSWORD, role, totpExempt: true });
    }
    await h().createAccount({ org: 'otra', email: 'doc@b.example', role: 'documentation_officer' });
    await h().createAccount({ org: 'tercera', email: 'cw@c.example', role: 'caseworker' });
    docA = await h().login('doc@a.example');
    analystA = await h().login('analyst@a.example');
    docB = await h().login('doc@b.example');
    outsider = await h().login('cw@c.example');
    for (const state of ['07', '30', '08']) {
      await record(
        docA,
        state,
        ORG_A.filter((a) => a[2] === state).map(([type, inst, , n]) => [type, inst, n]),
      );
    }
    // Organisation B: two extortions by the INM in Chiapas, and one robbery by both the INM and the
    // National Guard (counted once, under "several institutions") whose state was imported as a formula.
    await record(docB, '07', [['extortion', 'inm', 2]]);
    const injected = await record(docB, '07', [['robbery', 'inm', 1]], 'guardia_nacional');
    await h().ctx.db.query('UPDATE incident_acts SET state_code = $1 WHERE event_id = $2', [INJECTED_STATE, injected]);
    // Acts of another month stay out of October's tables.
    await record(docA, '07', [['extortion', 'inm', 4]]).then((id) =>
      h().ctx.db.query(`UPDATE incident_acts SET act_date = '2025-09-20' WHERE event_id = $1`, [id]),
    );
  });

  it("shows an analyst the organisation's exact table, small cells marked", async () => {
    const r = await analystA.get('/api/stats/incidents.acts?by=type,institution,state&from=2025-10&to=2025-10', {
      'accept-language': 'es',
    });
    assert.equal(r.statusCode, 200, r.body);
    const table = r.json() as StatsTable;
    const cells = cellMap(table);
    assert.equal(table.scope, 'organisation');
    assert.equal(cells.get('*|*|*')?.count, 40);
    assert.deepEqual(cells.get('kidnapping|organised_crime|MX30'), {
      keys: ['kidnapping', 'organised_crime', 'MX30'],
      count: 2,
      flag: 'small',
    });
    assert.equal(cells.get('extortion|inm|MX07')?.count, 8);
    assert.equal(table.dimensions[2]?.categories.find((c) => c.key === 'MX07')?.label, 'Chiapas');
    const top = (
      await analystA.get('/api/stats/incidents.acts?by=institution&level=top&from=2025-10&to=2025-10')
    ).json() as StatsTable;
    assert.deepEqual(
      top.cells.map((c) => [c.keys[0], c.count]),
      [
        ['state_mx', 20],
        ['non_state', 20],
        [null, 40],
      ],
    );
    const monthly = (await analystA.get('/api/stats/incidents.acts?by=month')).json() as StatsTable;
    assert.deepEqual(
      monthly.cells.map((c) => [c.keys[0], c.count]),
      [
        ['2025-09', 4],
        ['2025-10', 40],
        [null, 44],
      ],
    );
  });

  it('shows a caseworker of another organisation nothing of this one', async () => {
    const r = await outsider.get('/api/stats/incidents.acts?by=type&from=2025-10&to=2025-10');
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual((r.json() as StatsTable).cells, [{ keys: [null], count: 0, flag: null }]);
    const b = (await docB.get('/api/stats/incidents.acts?by=institution&from=2025-10&to=2025-10')).json() as StatsTable;
    assert.deepEqual(
      b.cells.map((c) => [c.keys[0], c.count]),
      [
        ['inm', 2],
        ['multiple', 1],
        [null, 3],
      ],
    );
    assert.equal((await publicGet('/api/stats/incidents.acts')).statusCode, 401);
  });

  it('shows the network only what it published: nothing before, the frozen release after', async () => {
    const url = '/api/stats/incidents.acts?scope=network&by=type&from=2025-10&to=2025-10';
    const before = await analystA.get(url, { 'accept-language': 'es' });
    assert.equal(before.statusCode, 404, before.body);
    assert.equal((before.json() as { code: string }).code, 'stats.no_release');
    assert.match((before.json() as { message: string }).message, /no ha publicado todavía/);
    await publish(['incidents.acts'], '2025-10');
    const after = (await analystA.get(url)).json() as StatsTable;
    assert.equal(after.release?.title, 'Red 2025-10');
    // A record written after publication changes nothing in the network view of the period.
    await record(docB, '07', [['extortion', 'inm', 5]]);
    assert.deepEqual(((await analystA.get(url)).json() as StatsTable).cells, after.cells);
  });

  it('gives the network table of the release: no cell under 5 and consistent totals', async () => {
    const r = await analystA.get(
      '/api/stats/incidents.acts?scope=network&by=type,institution,state&from=2025-10&to=2025-10',
    );
    assert.equal(r.statusCode, 200, r.body);
    const table = r.json() as StatsTable;
    assert.equal(table.scope, 'network');
    assert.equal(cellMap(table).get('*|*|*')?.count, 43);
    for (const c of table.cells)
      assert.ok(c.count === null || c.count === 0 || c.count >= 5, `published ${c.count} at ${c.keys.join('|')}`);
    assert.ok(table.cells.some((c) => c.flag === 'suppressed'));
    for (const line of lines(table)) {
      if (line.total.count === null || line.inner.some((c) => c.count === null)) continue;
      assert.equal(
        line.inner.reduce((s, c) => s + c.count!, 0),
        line.total.count,
        `line ${line.total.keys.join('|')}`,
      );
    }
    assert.ok(!JSON.stringify(table).includes('hiddenCountShare'));
    // A two-way table is a view of the same protected three-way table: its cells are the same.
    const two = (
      await analystA.get('/api/stats/incidents.acts?scope=network&by=state,type&from=2025-10&to=2025-10')
    ).json() as StatsTable;
    const three = cellMap(table);
    for (const c of two.cells)
      assert.deepEqual(three.get([c.keys[1] ?? '*', '*', c.keys[0] ?? '*'].join('|'))?.count, c.count);
  });

  it('lets no hidden cell be recovered from the published cells and totals', async () => {
    const table = (
      await analystA.get('/api/stats/incidents.acts?scope=network&by=type,institution,state&from=2025-10&to=2025-10')
    ).json() as StatsTable;
    // The simple attack: a line with one hidden cell gives it away by subtraction.
    for (const line of lines(table)) {
      const hidden = [...line.inner, line.total].filter((c) => c.count === null);
      assert.notEqual(hidden.length, 1, `line ${line.total.keys.join('|')} has a single hidden cell`);
    }
    // The full attack: the feasible interval of every hidden cell from everything published.
    const layout = buildLayout(table.dimensions.map((d) => d.categories.length));
    const values = table.cells.map((c) => c.count ?? 0);
    const hidden = Uint8Array.from(table.cells.map((c) => (c.count === null ? 1 : 0)));
    const intervals = attackIntervals({ layout, values, hidden, lowerBound: () => 1 });
    assert.ok(intervals.length > 0);
    for (const i of intervals)
      assert.ok(i.max > i.min, `cell ${table.cells[i.cell]?.keys.join('|')} is pinned to ${i.min}`);
  });

  it('gives the same table as HXL CSV: hashtag row, empty hidden counts, formulas neutralised', async () => {
    const r = await analystA.get(
      '/api/stats/incidents.acts/export?format=csv&scope=network&by=type,institution,state&from=2025-10&to=2025-10&lang=en',
    );
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /^text\/csv/);
    const rows = r.body
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    assert.deepEqual(rows[1], [
      '#event+type+code',
      '#event+type+name',
      '#group+code',
      '#group+name',
      '#country+code',
      '#country+name',
      '#adm1+code',
      '#adm1+name',
      '#indicator+num',
      '#description',
    ]);
    assert.ok(
      rows.some((row) => row.includes(`'${INJECTED_STATE}`)),
      'the injected state is written with a leading quote',
    );
    for (const row of rows) for (const field of row) assert.doesNotMatch(field, /^[=+\-@\t\r]/);
    const hidden = rows.filter((row) => row[9] === 'hidden');
    assert.ok(hidden.length > 0 && hidden.every((row) => row[8] === ''));
    assert.ok(!rows.some((row) => row.includes('Total')), 'totals are a table of their own');
    // The staff file is the public file of the release: one definition of the tags for both.
    const { rows: releases } = await h().ctx.db.query<{ id: string }>(
      `SELECT id::text AS id FROM stats_releases WHERE 'incidents.acts' = ANY(indicators)`,
    );
    const open = await publicGet(`/api/public/releases/${releases[0]!.id}/download?format=csv&lang=en`);
    assert.equal(r.body, open.body);
    const totals = await analystA.get(
      '/api/stats/incidents.acts/export?format=csv&part=totals&scope=network&by=type,institution,state&from=2025-10&to=2025-10&lang=en',
    );
    const open2 = await publicGet(`/api/public/releases/${releases[0]!.id}/download?format=csv&part=totals&lang=en`);
    assert.equal(totals.body, open2.body);
    assert.ok(totals.body.includes(',Total,') && totals.body.includes(',43,'), totals.body);
  });

  it('refuses what would open linked tables or is not published', async () => {
    const code = async (url: string) => {
      const r = await analystA.get(url, { 'accept-language': 'en' });
      return [r.statusCode, (r.json() as { code: string }).code];
    };
    assert.deepEqual(await code('/api/stats/incidents.acts?scope=network&from=2025-09&to=2025-10'), [
      404,
      'stats.no_release',
    ]);
    assert.deepEqual(await code('/api/stats/incidents.acts?scope=network&by=month&from=2025-10&to=2025-10'), [
      400,
      'stats.dimension_not_public',
    ]);
    assert.deepEqual(await code('/api/stats/nothing.here?scope=network&from=2025-10&to=2025-10'), [
      404,
      'stats.unknown_indicator',
    ]);
    assert.deepEqual(await code('/api/stats/incidents.acts?scope=network&by=type,type&from=2025-10&to=2025-10'), [
      400,
      'stats.too_many_dimensions',
    ]);
    const es = await analystA.get('/api/stats/incidents.acts?by=colour', { 'accept-language': 'es' });
    assert.equal((es.json() as { message: string }).message, 'El indicador no se puede desglosar por "colour".');
  });

  it('publishes people registered by nationality × sex with suppression', async () => {
    const cw = await h().login('cw@a.example');
    // All aged 18-29: the public table is a view of nationality × sex × age, protected once.
    const people: [string, string, number][] = [
      ['HN', 'F', 12],
      ['HN', 'M', 9],
      ['GT', 'F', 6],
      ['GT', 'M', 2],
      ['VE', 'X', 1],
    ];
    for (const [nationality, sex, n] of people) {
      for (let i = 0; i < n; i++) {
        const r = await cw.post('/api/people', {
          givenNames: `P${i}`,
          surnames: 'Prueba',
          sex,
          nationality,
          estimatedAge: 20 + (i % 5),
        });
        assert.equal(r.statusCode, 201, r.body);
      }
    }
    // Registered in October 2025 (a closed period the network can publish).
    await h().ctx.db.query(`UPDATE people SET created_at = '2025-10-15T18:00:00Z'`);
    const month = '2025-10';
    await publish(['people.registered'], month);
    const own = (
      await analystA.get(`/api/stats/people.registered?by=nationality,sex&from=${month}&to=${month}`)
    ).json() as StatsTable;
    assert.equal(cellMap(own).get('GT|M')?.flag, 'small');
    const r = await analystA.get(
      `/api/stats/people.registered?scope=network&by=nationality,sex&from=${month}&to=${month}`,
      {
        'accept-language': 'en',
      },
    );
    assert.equal(r.statusCode, 200, r.body);
    const table = r.json() as StatsTable;
    const cells = cellMap(table);
    // The grand total may itself be a complement (it closes the sex line where "X" is hidden).
    assert.ok([30, null].includes(cells.get('*|*')?.count ?? -1));
    assert.equal(cells.get('HN|F')?.count, 12);
    assert.equal(cells.get('GT|M')?.count, null);
    assert.equal(cells.get('VE|X')?.count, null);
    for (const c of table.cells) assert.ok(c.count === null || c.count === 0 || c.count >= 5);
    for (const line of lines(table))
      assert.notEqual([...line.inner, line.total].filter((c) => c.count === null).length, 1);
    assert.equal(table.dimensions[0]?.categories.find((c) => c.key === 'HN')?.label, 'Honduras');
  });
});
