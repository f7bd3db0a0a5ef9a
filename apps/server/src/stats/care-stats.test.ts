// The care, protection and search indicators (issue 10, item 1; decision 0122) on both databases:
// people by profile (blind index + derived facts), protection flags from screenings, procedures by
// type and stage, missing-person reports, cases (per team) and referrals; and the network view,
// where a filter narrowing to a few reports gets suppressed cells, never the number.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { screeningFlagKey } from '../screening/screening-facts.ts';
import type { StatsTable } from './stats.service.ts';

const count = (table: StatsTable, ...keys: (string | null)[]): number | null | undefined =>
  table.cells.find((c) => c.keys.length === keys.length && c.keys.every((k, i) => k === keys[i]))?.count;

describeOnBothDatabases('statistics: care, protection and search indicators', (h) => {
  let analyst: ApiClient;
  let cw: ApiClient;
  let orgA = '';
  let orgB = '';
  let teamNorth = '';
  const people: string[] = [];
  const q = (sql: string, params: unknown[] = []) => h().ctx.db.query<Record<string, string>>(sql, params);

  async function person(body: Record<string, unknown>, recorded: string[] = []): Promise<string> {
    const r = await cw.post('/api/people', { givenNames: 'Ana', surnames: 'Prueba', ...body });
    assert.equal(r.statusCode, 201, r.body);
    const id = (r.json() as { id: string }).id;
    if (recorded.length) {
      const p = await cw.put(`/api/people/${id}/profile`, {
        indicators: recorded,
        version: (r.json() as { version: number }).version,
      });
      assert.equal(p.statusCode, 200, p.body);
    }
    people.push(id);
    return id;
  }

  async function missing(org: string, status: string, nationality: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await q(
        `INSERT INTO missing_reports (org_id, status, nationality, sex, created_at) VALUES ($1, $2, $3, 'M', '2025-10-10T12:00:00Z')`,
        [org, status, nationality],
      );
    }
  }

  before(async () => {
    orgA = await h().createOrg('casa-a');
    for (const [email, role] of [
      ['analyst@a.example', 'analyst'],
      ['cw@a.example', 'caseworker'],
    ] as const) {
      await h().ctx.accounts.createAccount({ orgId: orgA, email, password: TEST_PASSWORD, role, totpExempt: true });
    }
    analyst = await h().login('analyst@a.example');
    cw = await h().login('cw@a.example');
    await h().createAccount({ org: 'casa-b', email: 'cw@b.example', role: 'caseworker' });
    orgB = (await q(`SELECT id::text AS id FROM organisations WHERE slug = 'casa-b'`)).rows[0]!.id as string;
    teamNorth = (await q(`INSERT INTO teams (org_id, name) VALUES ($1, 'Norte') RETURNING id::text AS id`, [orgA]))
      .rows[0]!.id as string;
    // Six adult women, two boys of 15, a boy of 16 recorded as unaccompanied, a man of 30
    // recorded as LGBTIQ+ and with a disability.
    for (let i = 0; i < 6; i++) await person({ sex: 'F', nationality: 'HN', estimatedAge: 25 });
    for (let i = 0; i < 2; i++) await person({ sex: 'M', nationality: 'GT', estimatedAge: 15 });
    await person({ sex: 'M', nationality: 'GT', estimatedAge: 16 }, ['unaccompanied_child']);
    await person({ sex: 'M', nationality: 'SV', estimatedAge: 30 }, ['lgbtiq', 'disability']);
    // Screenings: the first woman raised "GBV survivor" in October and again in November (one
    // person, counted once, in October); the second raised "international protection needs".
    const gbv = await screeningFlagKey(h().ctx.keyring, orgA, 'gbv_survivor');
    const ipn = await screeningFlagKey(h().ctx.keyring, orgA, 'international_protection_needs');
    const screening = `INSERT INTO screenings (org_id, person_id, questionnaire_id, questionnaire_version, answers, flags, flag_bi, max_severity, recorded_at)
      VALUES ($1, $2, 'q', 1, '\\x00'::bytea, '\\x00'::bytea, $3::text[], 'urgent', $4)`;
    await q(screening, [orgA, people[0], [gbv], '2025-10-05T15:00:00Z']);
    await q(screening, [orgA, people[0], [gbv, ipn], '2025-11-05T15:00:00Z']);
    await q(screening, [orgA, people[1], [ipn], '2025-10-06T15:00:00Z']);
    // Procedures, cases (two in team North) and referrals, all in October 2025.
    for (const [type, stage] of [
      ['mx.comar.refugee_status', 'filed'],
      ['mx.comar.refugee_status', 'filed'],
      ['mx.comar.refugee_status', 'resolved'],
      ['mx.amparo', 'preparing'],
    ]) {
      await q(
        `INSERT INTO procedures (org_id, person_id, type, type_version, stage, created_at) VALUES ($1, $2, $3, 1, $4, '2025-10-02T12:00:00Z')`,
        [orgA, people[2], type, stage],
      );
    }
    for (const [status, team, child] of [
      ['open', teamNorth, false],
      ['active', teamNorth, true],
      ['active', null, false],
      ['closed', null, false],
    ] as const) {
      await q(
        `INSERT INTO cases (org_id, person_id, status, team_id, child_protection, opened_at, closed_at) VALUES ($1, $2, $3, $4, $5, '2025-10-03T12:00:00Z', $6)`,
        [orgA, people[3], status, team, child, status === 'closed' ? '2025-10-20T12:00:00Z' : null],
      );
    }
    const consent = (
      await q(
        `INSERT INTO person_consents (person_id, org_id, purpose, method) VALUES ($1, $2, 'referral', 'signed') RETURNING id::text AS id`,
        [people[4], orgA],
      )
    ).rows[0]!.id;
    for (const [status, urgency] of [
      ['completed', 'routine'],
      ['completed', 'urgent'],
      ['declined', 'routine'],
    ]) {
      await q(
        `INSERT INTO referrals (from_org_id, to_org_id, person_id, consent_id, urgency, shared_fields, reason, status, due_at, created_at)
        VALUES ($1, $2, $3, $4, $5, '{}', '\\x00'::bytea, $6, '2025-11-01T00:00:00Z', '2025-10-04T12:00:00Z')`,
        [orgA, orgB, people[4], consent, urgency, status],
      );
    }
    // Missing-person reports of October: A has 9 open (HN) and 2 located alive (SV); B has 6 open (HN).
    await missing(orgA, 'open', 'HN', 9);
    await missing(orgA, 'located_alive', 'SV', 2);
    await missing(orgB, 'open', 'HN', 6);
  });

  it('counts people by profile indicator, recorded and derived, each person once per indicator', async () => {
    const r = await analyst.get('/api/stats/people.profile?by=profile', { 'accept-language': 'en' });
    assert.equal(r.statusCode, 200, r.body);
    const t = r.json() as StatsTable;
    assert.equal(count(t, 'woman'), 6);
    assert.equal(count(t, 'child'), 3, 'two boys by age, the unaccompanied boy once');
    assert.equal(count(t, 'unaccompanied_child'), 1);
    assert.equal(count(t, 'lgbtiq'), 1);
    assert.equal(count(t, 'disability'), 1);
    assert.equal(count(t, 'older_person'), undefined);
    // The total would count the unaccompanied boy twice: it is not given.
    assert.deepEqual(t.cells.at(-1), { keys: [null], count: null, flag: 'not_additive' });
    assert.equal(t.dimensions[0]?.categories.find((c) => c.key === 'lgbtiq')?.label, 'LGBTIQ+ person');
    const bySex = (await analyst.get('/api/stats/people.profile?by=profile,sex')).json() as StatsTable;
    assert.equal(count(bySex, 'child', 'M'), 3);
    assert.equal(count(bySex, null, 'M'), null);
  });

  it('counts protection flags once per person, in the month first raised', async () => {
    const t = (await analyst.get('/api/stats/screenings.flags?by=flag,month')).json() as StatsTable;
    assert.equal(count(t, 'gbv_survivor', '2025-10'), 1);
    assert.equal(count(t, 'gbv_survivor', '2025-11'), 0);
    assert.equal(count(t, 'international_protection_needs', '2025-10'), 1);
    assert.equal(count(t, 'international_protection_needs', '2025-11'), 1);
    const nov = (await analyst.get('/api/stats/screenings.flags?by=flag&from=2025-11&to=2025-11')).json() as StatsTable;
    assert.equal(count(nov, 'gbv_survivor'), undefined, 'first raised in October, not November');
  });

  it('counts procedures by type and stage, cases by status and team, referrals by outcome', async () => {
    const p = (
      await analyst.get('/api/stats/procedures.stages?by=type,stage&from=2025-10&to=2025-10')
    ).json() as StatsTable;
    assert.equal(count(p, 'mx.comar.refugee_status', 'filed'), 2);
    assert.equal(count(p, 'mx.comar.refugee_status', null), 3);
    assert.equal(count(p, null, null), 4);
    const cases = (
      await analyst.get('/api/stats/cases.status?by=status', { 'accept-language': 'es' })
    ).json() as StatsTable;
    assert.deepEqual(
      cases.cells.map((c) => [c.keys[0], c.count]),
      [
        ['open', 1],
        ['active', 2],
        ['closed', 1],
        [null, 4],
      ],
    );
    assert.equal(cases.dimensions[0]?.categories[1]?.label, 'En atención');
    const team = (await analyst.get(`/api/stats/cases.status?by=status&team=${teamNorth}`)).json() as StatsTable;
    assert.equal(team.scope, 'team');
    assert.deepEqual(
      team.cells.map((c) => [c.keys[0], c.count]),
      [
        ['open', 1],
        ['active', 1],
        [null, 2],
      ],
    );
    const child = (
      await analyst.get('/api/stats/cases.status?by=status&filter=child:yes&lang=en')
    ).json() as StatsTable;
    assert.deepEqual(
      child.cells.map((c) => [c.keys[0], c.count]),
      [
        ['active', 1],
        [null, 1],
      ],
    );
    assert.deepEqual(child.filters, [{ dimension: 'child', key: 'yes', label: 'Yes' }]);
    const refs = (await analyst.get('/api/stats/referrals.status?by=status,urgency')).json() as StatsTable;
    assert.equal(count(refs, 'completed', null), 2);
    assert.equal(count(refs, 'declined', 'routine'), 1);
  });

  it("counts the organisation's own missing-person reports, and refuses a malformed filter", async () => {
    const own = (
      await analyst.get('/api/stats/missing.reports?by=status&from=2025-10&to=2025-10')
    ).json() as StatsTable;
    assert.deepEqual(
      own.cells.map((c) => [c.keys[0], c.count, c.flag]),
      [
        ['open', 9, null],
        ['located_alive', 2, 'small'],
        [null, 11, null],
      ],
    );
    const bad = await analyst.get('/api/stats/missing.reports?by=status&filter=status:open;drop');
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { code: string }).code, 'stats.invalid_filter');
    const both = await analyst.get('/api/stats/missing.reports?by=status&filter=status:open');
    assert.equal((both.json() as { code: string }).code, 'stats.filter_in_breakdown');
  });

  it('shows the network only protected aggregates: a filter narrowing to two reports gets a suppressed cell, never the number', async () => {
    const r = await analyst.get('/api/stats/missing.reports?scope=network&by=status&from=2025-10&to=2025-10');
    assert.equal(r.statusCode, 200, r.body);
    const t = r.json() as StatsTable;
    assert.equal(t.scope, 'network');
    for (const c of t.cells) assert.ok(c.count === null || c.count === 0 || c.count >= 5, `published ${c.count}`);
    assert.equal(count(t, 'located_alive'), null);
    // The line open + located = total has a second hidden cell, so the two cannot be subtracted.
    assert.equal([count(t, 'open'), count(t, null)].filter((c) => c === null).length, 1);
    // Filtering to El Salvador isolates the two located reports of organisation A.
    const sv = (
      await analyst.get(
        '/api/stats/missing.reports?scope=network&by=status&filter=nationality:SV&from=2025-10&to=2025-10',
      )
    ).json() as StatsTable;
    assert.ok(
      sv.cells.every((c) => c.count === null || c.count === 0),
      JSON.stringify(sv.cells),
    );
    assert.ok(!JSON.stringify(sv).includes('"count":2'));
    // Honduras: 15 open reports across both organisations, published; B's 6 never appear alone.
    const hn = (
      await analyst.get(
        '/api/stats/missing.reports?scope=network&by=status&filter=nationality:HN&from=2025-10&to=2025-10',
      )
    ).json() as StatsTable;
    assert.equal(count(hn, 'open'), 15);
    assert.ok(!JSON.stringify(hn).includes('"count":6'));
    // A network table spans one month; the profile indicator is never released.
    assert.equal(
      (await analyst.get('/api/stats/missing.reports?scope=network&from=2025-09&to=2025-10')).statusCode,
      400,
    );
    assert.equal(
      (await analyst.get('/api/stats/people.profile?scope=network&from=2025-10&to=2025-10')).statusCode,
      404,
    );
  });
});

describe('care indicators are defined once', () => {
  it('lists every new indicator in the one indicators list with a query', async () => {
    const { indicators } = await import('@acompana/core');
    const { careBases } = await import('./care-stats.queries.ts');
    for (const id of Object.keys(careBases))
      assert.ok(
        indicators.some((i) => i.id === id),
        id,
      );
  });
});
