// The organisation's overview (coordinators, admins) and whose deadline each agenda item is: counts
// by lawyer and by procedure type, the overdue steps with the person's name, names decrypted only
// for people the reader may read and audited as reads of those people.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { readablePersonNames } from '../people/person-names.ts';
import { openStepsForAgenda } from './procedures.queries.ts';

interface Counts {
  open: number;
  overdue: number;
  dueThisWeek: number;
  atRisk: number;
}
interface Overview {
  today: string;
  totals: Counts;
  byLawyer: (Counts & { accountId: string | null; name: string | null })[];
  byType: (Counts & { type: string })[];
  overdue: {
    stepKey: string;
    dueDate: string;
    personId: string;
    personName: string | null;
    ownerName: string | null;
  }[];
}

describeOnBothDatabases('organisation overview and names on the agenda', (h) => {
  let coordinator: ApiClient;
  let ana: ApiClient;
  let beto: ApiClient;
  let orgId: string;
  const people: Record<string, string> = {};

  before(async () => {
    h().clock.now = new Date('2025-04-16T15:00:00Z');
    orgId = await h().createOrg('vista-general');
    const accounts = [
      ['coord@vista.example', 'coordinator', 'Asilo'],
      ['ana@vista.example', 'lawyer', 'Asilo'],
      ['beto@vista.example', 'lawyer', 'Otro'],
      ['cw1@vista.example', 'caseworker', 'Asilo'],
      ['cw2@vista.example', 'caseworker', 'Otro'],
    ] as const;
    for (const [email, role, team] of accounts)
      await h().ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: [team],
      });
    for (const [cw, given, surnames] of [
      ['cw1@vista.example', 'Dania', 'Maradiaga'],
      ['cw2@vista.example', 'Pedro', 'Alvarado'],
    ] as const) {
      const created = await (
        await h().login(cw)
      ).post('/api/people', { givenNames: given, surnames, sex: 'X', nationality: 'HN' });
      assert.equal(created.statusCode, 201, created.body);
      people[given] = (created.json() as { id: string }).id;
    }
    coordinator = await h().login('coord@vista.example');
    ana = await h().login('ana@vista.example');
    beto = await h().login('beto@vista.example');
    const open = async (who: ApiClient, personId: string, type: string, steps: Record<string, string>) => {
      const id = ((await who.post('/api/procedures', { personId, type })).json() as { id: string }).id;
      for (const [step, trigger] of Object.entries(steps))
        assert.equal((await who.put(`/api/procedures/${id}/steps/${step}`, { trigger })).statusCode, 200);
    };
    // Ana: due 22 April (this week) and a late application already past.
    await open(ana, people.Dania as string, 'mx.comar.refugee_status', {
      application: '2025-03-10',
      late_application: '2025-04-10',
    });
    // Beto: an interview long past, and a hearing in May.
    await open(beto, people.Pedro as string, 'mx.comar.refugee_status', { interview: '2025-04-01' });
    await open(beto, people.Pedro as string, 'us.mpp', { hearing: '2025-05-20' });
  });

  it('counts open, overdue and due-this-week deadlines by lawyer and by type, and lists the overdue ones by name', async () => {
    const response = await coordinator.get('/api/procedures/overview');
    assert.equal(response.statusCode, 200, response.body);
    const overview = response.json() as Overview;
    assert.equal(overview.today, '2025-04-16');
    assert.deepEqual(overview.totals, { open: 4, overdue: 2, dueThisWeek: 1, atRisk: 0 });
    const byName = Object.fromEntries(
      overview.byLawyer.map((l) => [l.name, { open: l.open, overdue: l.overdue, dueThisWeek: l.dueThisWeek }]),
    );
    assert.equal(overview.byLawyer.length, 2);
    const [anaName, betoName] = overview.byLawyer.map((l) => l.name);
    assert.deepEqual(
      byName[anaName as string],
      { open: 2, overdue: 1, dueThisWeek: 1 },
      'the lawyer with the most urgent load comes first',
    );
    assert.deepEqual(byName[betoName as string], { open: 2, overdue: 1, dueThisWeek: 0 });
    assert.deepEqual(
      overview.byType.map((t) => [t.type, t.open, t.overdue, t.dueThisWeek]),
      [
        ['mx.comar.refugee_status', 3, 2, 1],
        ['us.mpp', 1, 0, 0],
      ],
    );
    assert.deepEqual(
      overview.overdue.map((o) => [o.dueDate, o.stepKey, o.personName]),
      [
        ['2025-04-01', 'interview', 'Pedro Alvarado'],
        ['2025-04-10', 'late_application', 'Dania Maradiaga'],
      ],
    );
    assert.ok(overview.overdue.every((o) => o.ownerName));
    const audited = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.read' AND record_id = ANY($1::text[]) AND details::text LIKE '%procedure.overview%'",
      [[people.Dania, people.Pedro]],
    );
    assert.equal(audited.rows[0]?.n, 2, 'each name shown is audited as a read of that person');
  });

  it('counts every open step, however many batches they take to read (never a silent cap)', async () => {
    const whole = await openStepsForAgenda(h().ctx.db, orgId, {});
    assert.ok(whole.length > 3, `${whole.length} open steps`);
    const inTwos = await openStepsForAgenda(h().ctx.db, orgId, {}, 2);
    assert.deepEqual(
      inTwos.map((r) => `${r.due_date}/${r.procedure_id}/${r.step_key}`),
      whole.map((r) => `${r.due_date}/${r.procedure_id}/${r.step_key}`),
    );
  });

  it('is refused to lawyers, who see only their own agenda', async () => {
    assert.equal((await ana.get('/api/procedures/overview')).statusCode, 403);
  });

  it("names whose deadline each of the lawyer's agenda items is", async () => {
    const agenda = (await ana.get('/api/agenda')).json() as {
      overdue: { personName: string | null }[];
      dueThisWeek: { personName: string | null }[];
    };
    assert.deepEqual(
      [...agenda.overdue, ...agenda.dueThisWeek].map((i) => i.personName),
      ['Dania Maradiaga', 'Dania Maradiaga'],
    );
    assert.deepEqual(
      ((await beto.get('/api/agenda')).json() as { overdue: { personName: string | null }[] }).overdue.map(
        (i) => i.personName,
      ),
      ['Pedro Alvarado'],
    );
  });

  it('decrypts names only for people the reader may read', async () => {
    const { rows } = await h().ctx.db.query<{ id: string; name: string }>(
      'SELECT id::text AS id, name FROM teams WHERE org_id = $1',
      [orgId],
    );
    const asilo = rows.find((r) => r.name === 'Asilo')?.id as string;
    // A documentation officer reads the people of her own team only.
    const actor = {
      accountId: (
        await h().createAccount({ org: 'vista-general', email: 'doc@vista.example', role: 'documentation_officer' })
      ).accountId,
      orgId,
      role: 'documentation_officer',
      teamIds: [asilo],
      sharing: [],
    };
    const names = await readablePersonNames(
      { db: h().ctx.db, keyring: h().ctx.keyring, audit: h().ctx.audit },
      actor,
      [people.Dania as string, people.Pedro as string],
      'test',
    );
    assert.deepEqual([...names.entries()], [[people.Dania, 'Dania Maradiaga']]);
    const other = { ...actor, orgId: await h().createOrg('otra-org'), role: 'admin' };
    assert.equal(
      (
        await readablePersonNames(
          { db: h().ctx.db, keyring: h().ctx.keyring, audit: h().ctx.audit },
          other,
          [people.Dania as string],
          'test',
        )
      ).size,
      0,
      'never across organisations',
    );
  });
});
