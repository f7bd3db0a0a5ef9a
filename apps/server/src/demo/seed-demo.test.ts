// The demo a visitor gets from `npm start` on an empty data directory (embedded database): every
// journey of USER-JOURNEYS.md finds what it needs staged, with the logins the server prints.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type TestHarness } from '../testing/test-harness.ts';
import {
  DEMO_PASSWORD,
  demoAccounts,
  demoJourneys,
  demoLoginLines,
  demoOrganisations,
  seedDemo,
  seedDemoRecords,
  type DemoRecordCounts,
} from './seed-demo.ts';

interface DuplicateCandidate {
  person: { givenNames: string; surnames: string; birthYear?: number };
  decision: string;
  organisation?: { name: string };
}
interface AgendaItem {
  status: string;
}

describe('demo world', () => {
  let h: TestHarness;
  let added: DemoRecordCounts;
  let seconds = 0;
  before(async () => {
    h = await startHarness('pglite');
    h.clock.now = new Date('2026-12-07T15:00:00Z');
    await seedDemo(h.ctx);
    const t0 = Date.now();
    added = await seedDemoRecords(h.ctx);
    seconds = (Date.now() - t0) / 1000;
  });
  after(() => h.close());

  it('creates the seven demo organisations and lets every demo account log in', async () => {
    const { rows } = await h.ctx.db.query<{ slug: string }>('SELECT slug FROM organisations ORDER BY slug');
    assert.deepEqual(
      rows.map((r) => r.slug),
      demoOrganisations.map((o) => o.slug).sort(),
    );
    for (const slug of ['albergue-tenosique', 'albergue-saltillo', 'forense-golfo'])
      assert.ok(rows.some((r) => r.slug === slug));
    for (const account of demoAccounts) await h.login(account.email, DEMO_PASSWORD);
    const roles = demoAccounts.filter((a) => a.org === 'albergue-tapachula').map((a) => a.role);
    for (const role of ['caseworker', 'lawyer', 'documentation_officer', 'coordinator'])
      assert.ok(roles.includes(role));
  });

  it('prints a login for every journey, each one a demo account', () => {
    const lines = demoLoginLines('http://localhost:3000/', true).join('\n');
    assert.deepEqual(
      demoJourneys.map((j) => j.number),
      [1, 2, 3, 4, 5, 6, 7],
    );
    for (const j of demoJourneys) {
      assert.match(lines, new RegExp(`^  ${j.number}\\. `, 'm'));
      for (const email of j.logins)
        assert.ok(
          demoAccounts.some((a) => a.email === email),
          email,
        );
    }
    assert.match(lines, new RegExp(DEMO_PASSWORD));
  });

  it('seeds a few hundred people, with cases, incidents and procedures', (t) => {
    // How long it took is reported, not asserted: on a shared machine wall time says little.
    t.diagnostic(`seeded in ${seconds.toFixed(1)} s: ${JSON.stringify(added)}`);
    assert.ok(added.people >= 300, `people: ${added.people}`);
    assert.ok(added.cases >= 100 && added.incidents >= 700 && added.procedures >= 12, JSON.stringify(added));
  });

  it('journey 1: Dania Maradiaga at Tenosique is a partner duplicate candidate at the Tapachula intake', async () => {
    // Luis, the caseworker who registers her, and Marta, his coordinator, both see the warning.
    for (const email of ['trabajo.social@soconusco.example', 'coordinacion@soconusco.example']) {
      const intake = await h.login(email, DEMO_PASSWORD);
      const response = await intake.post('/api/people/duplicate-check', {
        givenNames: 'Dania',
        surnames: 'Maradiaga',
        sex: 'F',
        estimatedAge: 27,
        nationality: 'HN',
      });
      assert.equal(response.statusCode, 200, response.body);
      const items = (response.json() as { items: DuplicateCandidate[] }).items;
      const partner = items.find((c) => c.organisation?.name === 'Albergue Camino del Río, Tenosique (demo)');
      assert.ok(partner, `${email}: ${JSON.stringify(items)}`);
      assert.equal(partner.person.givenNames, 'Dania');
      assert.equal(partner.person.birthYear, 1999);
      assert.notEqual(partner.decision, 'no match');
    }
    // Registered last month by the partner, with consent to sharing.
    const { rows } = await h.ctx.db.query<{ created_at: Date; purposes: string[] }>(
      `SELECT p.created_at, array_agg(c.purpose ORDER BY c.purpose) AS purposes FROM people p
        JOIN organisations o ON o.id = p.org_id JOIN person_consents c ON c.person_id = p.id
       WHERE o.slug = 'albergue-tenosique' AND p.birth_year = 1999 AND p.sex = 'F' AND c.purpose = 'sharing'
       GROUP BY p.id, p.created_at`,
    );
    assert.ok(rows.some((r) => new Date(r.created_at).toISOString().slice(0, 7) === '2026-11'));
  });

  it('journey 2: the Tapachula lawyer has COMAR deadlines on time, at risk and overdue', async () => {
    const lawyer = await h.login('abogada@soconusco.example', DEMO_PASSWORD);
    const agenda = (await lawyer.get('/api/agenda')).json() as Record<string, AgendaItem[] | string>;
    const items = ['overdue', 'dueThisWeek', 'atRisk', 'upcoming'].flatMap((k) => agenda[k] as AgendaItem[]);
    const statuses = new Set(items.map((i) => i.status));
    for (const status of ['overdue', 'at_risk', 'on_track']) assert.ok(statuses.has(status), JSON.stringify(agenda));
    // The clinic's lawyer keeps her agenda too.
    const clinic = await h.login('abogada@fronteranorte.example', DEMO_PASSWORD);
    const other = (await clinic.get('/api/agenda')).json() as Record<string, AgendaItem[]>;
    assert.ok(['overdue', 'dueThisWeek', 'atRisk', 'upcoming'].reduce((n, k) => n + (other[k]?.length ?? 0), 0) >= 3);
  });

  it('journey 3: the documentation officer finds the person the intake team registered, to link her', async () => {
    const luis = await h.login('trabajo.social@soconusco.example', DEMO_PASSWORD);
    const created = await luis.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      estimatedAge: 27,
    });
    assert.equal(created.statusCode, 201, created.body);
    const elena = await h.login('documentacion@soconusco.example', DEMO_PASSWORD);
    const found = (await elena.get('/api/people?q=Maradiaga')).json() as { items: { id: string }[] };
    assert.ok(found.items.some((p) => p.id === (created.json() as { id: string }).id));
  });

  it('journey 4: a report for Kevin finds Kebin Alvarenga at Saltillo and the forensic service’s remains', async () => {
    assert.equal(added.foundRecords, 4);
    const committee = await h.login('busqueda@familiascholoma.example', DEMO_PASSWORD);
    const created = await committee.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2007-02-11',
      nationality: 'HN',
      lastContact: { date: '2026-08-30', place: 'Coatzacoalcos, Veracruz' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: string }).id;
    const candidates = (await committee.get(`/api/missing/reports/${id}/candidates`)).json() as {
      items: { candidateKind: string; candidate: { givenNames?: string; access?: string; kind?: string } | null }[];
    };
    const kebin = candidates.items.find((c) => c.candidateKind === 'person' && c.candidate?.givenNames === 'Kebin');
    assert.ok(kebin, JSON.stringify(candidates.items.map((c) => c.candidateKind)));
    assert.equal(kebin.candidate?.access, 'partner');
    const remains = candidates.items.filter((c) => c.candidateKind === 'found_record');
    assert.ok(remains.length >= 2, `remains proposed: ${remains.length}`);
  });

  it('journey 5: the reception centre’s returnees have referrals at every stage, one overdue', async () => {
    assert.ok(added.returnees >= 7);
    const worker = await h.login('recepcion@retornodigno.example', DEMO_PASSWORD);
    const list = (await worker.get('/api/referrals?direction=outgoing')).json() as {
      items: { status: string; overdue: boolean }[];
    };
    const statuses = new Set(list.items.map((r) => r.status));
    for (const status of ['sent', 'accepted', 'declined', 'redirected', 'completed', 'closed_no_outcome'])
      assert.ok(statuses.has(status), `${status} in ${[...statuses].join(', ')}`);
    assert.ok(list.items.some((r) => r.status === 'sent' && r.overdue));
    assert.ok(list.items.some((r) => r.status === 'sent' && !r.overdue));
  });

  it('journey 6: an October 2026 bulletin has figures that are not suppressed', async () => {
    const coordinator = await h.login('coordinacion@soconusco.example', DEMO_PASSWORD);
    const { rows } = await h.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM organisations ORDER BY id');
    const preview = await coordinator.post('/api/stats/releases/preview', {
      title: 'Violencia contra personas en movilidad, octubre',
      periodFrom: '2026-10',
      periodTo: '2026-10',
      tables: ['incidents.acts'],
      orgIds: rows.map((r) => r.id),
    });
    assert.equal(preview.statusCode, 200, preview.body);
    const tables = (preview.json() as { tables: { cells: { keys: (string | null)[]; count: number | null }[] }[] })
      .tables;
    const inner = tables[0]?.cells.filter((c) => c.keys.every((k) => k !== null)) ?? [];
    const shown = inner.filter((c) => c.count !== null && c.count >= 5);
    assert.ok(shown.length >= 8, `published inner cells: ${shown.length}`);
    assert.ok(
      inner.some((c) => c.count === null),
      'small cells are suppressed',
    );
    const states = new Set(shown.map((c) => c.keys.at(-1)));
    assert.ok(states.size >= 3, `states with figures: ${[...states].join(', ')}`);
  });

  it('leaves the audit chain intact', async () => {
    const admin = await h.login('admin@soconusco.example', DEMO_PASSWORD);
    assert.equal(((await admin.get('/api/admin/audit/verify')).json() as { ok: boolean }).ok, true);
  });
});
