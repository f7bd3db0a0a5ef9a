// Journey (family separation): a shelter coordinator opens a family file from María's household,
// adds her daughter held in a US children's facility, links the father's record kept by a partner
// organisation (only once the partner shares for search AND the father consented to sharing;
// hidden again the moment he withdraws), opens the son's child case with the best-interests
// steps, traces the daughter, and completes the reunification only when the plan is done.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Member {
  id: string;
  personId: string | null;
  partnerOrg: { name: string } | null;
  visible: boolean;
  name: string | null;
  relationship: string;
  isChild: boolean;
  location: string | null;
  holdingAuthority: string | null;
  caseId: string | null;
  status: string;
}
interface Family {
  id: string;
  label: string;
  status: string;
  reunifiedOn: string | null;
  members: Member[];
  tracing: { id: string; status: string }[];
  plan: { id: string; doneOn: string | null }[];
  version: number;
}

describeOnBothDatabases('family separation and reunification', (h) => {
  let coord: ApiClient;
  let caseworker: ApiClient;
  let partner: ApiClient;
  let stranger: ApiClient;
  let shelterOrg: string;
  let partnerOrg: string;
  let strangerOrg: string;
  const ids: Record<string, string> = {};
  let family: Family;
  const today = () => h().clock.now.toISOString().slice(0, 10);
  const person = async (client: ApiClient, body: object) => {
    const res = await client.post('/api/people', body);
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { id: string }).id;
  };

  it('sets up the shelter, a partner that keeps the father’s record, and an unrelated organisation', async () => {
    shelterOrg = await h().createOrg('albergue');
    partnerOrg = await h().createOrg('frontera');
    strangerOrg = await h().createOrg('ajena');
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    await h().createAccount({ org: 'frontera', email: 'coord@frontera.example', role: 'coordinator' });
    await h().createAccount({ org: 'ajena', email: 'coord@ajena.example', role: 'coordinator' });
    coord = await h().login('coord@albergue.example');
    caseworker = await h().login('cw@albergue.example');
    partner = await h().login('coord@frontera.example');
    stranger = await h().login('coord@ajena.example');
    ids.maria = await person(coord, {
      givenNames: 'María',
      surnames: 'López Pérez',
      sex: 'F',
      nationality: 'HN',
      birthDate: '1990-03-04',
    });
    ids.kevin = await person(coord, {
      givenNames: 'Kevin',
      surnames: 'López',
      sex: 'M',
      nationality: 'HN',
      birthDate: `${h().clock.now.getUTCFullYear() - 12}-05-01`,
    });
    ids.father = await person(partner, {
      givenNames: 'Daniel',
      surnames: 'Reyes Cruz',
      sex: 'M',
      nationality: 'HN',
      birthDate: '1987-01-20',
    });
    ids.other = await person(stranger, {
      givenNames: 'Otro',
      surnames: 'Ajeno',
      sex: 'M',
      nationality: 'HN',
      birthDate: '1980-01-01',
    });
    // The partner shares with the shelter for search; the unrelated organisation shares nothing.
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [partnerOrg, shelterOrg],
    );
    assert.ok(strangerOrg);
  });

  it('opens the family file from María’s household: its members join', async () => {
    const household = await coord.post('/api/households', {
      kind: 'family',
      members: [
        { personId: ids.maria, relationship: 'self' },
        { personId: ids.kevin, relationship: 'child' },
      ],
    });
    assert.equal(household.statusCode, 201, household.body);
    const res = await coord.post('/api/families', {
      label: 'Familia López Reyes',
      householdId: (household.json() as { id: string }).id,
    });
    assert.equal(res.statusCode, 201, res.body);
    family = res.json() as Family;
    assert.equal(family.label, 'Familia López Reyes');
    assert.deepEqual(
      family.members.map((m) => [m.name, m.isChild]),
      [
        ['María López Pérez', false],
        ['Kevin López', true],
      ],
    );
  });

  it('records a separated daughter: where she is, since when and which authority holds her', async () => {
    const res = await coord.post(`/api/families/${family.id}/members`, {
      name: 'Ana Reyes López',
      relationship: 'child',
      isChild: true,
      separatedSince: today(),
      location: 'Albergue de ORR en San Antonio, Texas',
      holdingAuthority: 'orr',
      holdingCountry: 'US',
      guardian: 'ORR (custodia temporal)',
    });
    assert.equal(res.statusCode, 201, res.body);
    family = res.json() as Family;
    const ana = family.members.find((m) => m.name === 'Ana Reyes López');
    assert.equal(ana?.holdingAuthority, 'orr');
    assert.match(ana?.location ?? '', /San Antonio/);
    ids.ana = ana?.id as string;
  });

  it('links the partner’s record of the father only when sharing and his consent allow', async () => {
    const link = () =>
      coord.post(`/api/families/${family.id}/links`, { linkedPersonId: ids.father, relationship: 'partner' });
    const refused = await link();
    assert.equal(refused.statusCode, 404);
    assert.equal((refused.json() as { code: string }).code, 'families.not_shared');
    const consent = await partner.post(`/api/people/${ids.father}/consents`, { purpose: 'sharing', method: 'signed' });
    assert.equal(consent.statusCode, 201, consent.body);
    ids.consent = (consent.json() as { id: string }).id;
    const linked = await link();
    assert.equal(linked.statusCode, 201, linked.body);
    family = linked.json() as Family;
    const father = family.members.find((m) => m.partnerOrg);
    assert.equal(father?.visible, true);
    assert.equal(father?.name, 'Daniel Reyes Cruz');
    assert.equal(father?.partnerOrg?.name, 'Org frontera');
    // Consent alone is not enough: an organisation that shares nothing stays out.
    assert.equal(
      (await stranger.post(`/api/people/${ids.other}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
      201,
    );
    assert.equal(
      (await coord.post(`/api/families/${family.id}/links`, { linkedPersonId: ids.other, relationship: 'other' }))
        .statusCode,
      404,
    );
  });

  it('hides the father from the family view at once when he withdraws his consent', async () => {
    assert.equal((await partner.post(`/api/people/${ids.father}/consents/${ids.consent}/withdraw`)).statusCode, 204);
    family = (await coord.get(`/api/families/${family.id}`)).json() as Family;
    const father = family.members.find((m) => m.partnerOrg);
    assert.equal(father?.visible, false);
    assert.equal(father?.name, null);
    assert.equal(father?.personId, null);
  });

  it('opens Kevin’s child case with the best-interests determination steps', async () => {
    const kevin = family.members.find((m) => m.name === 'Kevin López') as Member;
    const res = await coord.post(`/api/families/${family.id}/members/${kevin.id}/case`);
    assert.equal(res.statusCode, 201, res.body);
    family = res.json() as Family;
    const caseId = family.members.find((m) => m.id === kevin.id)?.caseId as string;
    const opened = (await coord.get(`/api/cases/${caseId}`)).json() as { tasks: { key: string | null }[] };
    for (const key of [
      'best_interests_assessment',
      'notify_child_protection_authority',
      'family_tracing',
      'safe_accommodation',
    ])
      assert.ok(
        opened.tasks.some((t) => t.key === key),
        key,
      );
    const maria = family.members.find((m) => m.name === 'María López Pérez') as Member;
    assert.equal(
      (await coord.post(`/api/families/${family.id}/members/${maria.id}/case`)).statusCode,
      400,
      'an adult gets no child case',
    );
  });

  it('traces the daughter and records where she was located', async () => {
    const res = await coord.post(`/api/families/${family.id}/tracing`, {
      memberId: ids.ana,
      channel: 'consulate',
      requestedOn: today(),
      note: 'Consulado de Honduras en Houston',
    });
    assert.equal(res.statusCode, 201, res.body);
    const tracingId = (res.json() as Family).tracing[0]?.id as string;
    const closed = await coord.post(`/api/families/${family.id}/tracing/${tracingId}`, {
      status: 'located',
      closedOn: today(),
    });
    assert.equal((closed.json() as Family).tracing[0]?.status, 'located');
    const moved = await coord.put(`/api/families/${family.id}/members/${ids.ana}`, { status: 'in_contact' });
    assert.equal((moved.json() as Family).members.find((m) => m.id === ids.ana)?.status, 'in_contact');
  });

  it('completes the reunification only when every step of the plan is done', async () => {
    const step = await coord.post(`/api/families/${family.id}/plan`, {
      title: 'Audiencia de liberación de Ana con su madre como patrocinadora',
      dueOn: today(),
    });
    assert.equal(step.statusCode, 201, step.body);
    family = step.json() as Family;
    const early = await coord.post(`/api/families/${family.id}/reunify`, {
      version: family.version,
      reunifiedOn: today(),
    });
    assert.equal(early.statusCode, 409);
    assert.equal((early.json() as { code: string }).code, 'families.plan_open');
    family = (
      await coord.post(`/api/families/${family.id}/plan/${family.plan[0]?.id}/done`, { doneOn: today() })
    ).json() as Family;
    const done = await coord.post(`/api/families/${family.id}/reunify`, {
      version: family.version,
      reunifiedOn: today(),
    });
    assert.equal(done.statusCode, 200, done.body);
    family = done.json() as Family;
    assert.equal(family.status, 'reunified');
    assert.ok(family.members.every((m) => m.status === 'reunified'));
    assert.equal(
      (await coord.post(`/api/families/${family.id}/reunify`, { version: family.version, reunifiedOn: today() }))
        .statusCode,
      409,
    );
  });

  it('keeps the file from a caseworker outside its team and from other organisations', async () => {
    assert.equal((await caseworker.get(`/api/families/${family.id}`)).statusCode, 403);
    assert.equal((await partner.get(`/api/families/${family.id}`)).statusCode, 404);
    const list = (await coord.get('/api/families')).json() as {
      items: { id: string; status: string; memberCount: number }[];
    };
    assert.deepEqual(
      list.items.map((f) => [f.status, f.memberCount]),
      [['reunified', 4]],
    );
    const raw = await h().ctx.db.query<{ t: string }>('SELECT location::text AS t FROM family_members WHERE id = $1', [
      ids.ana,
    ]);
    assert.doesNotMatch(raw.rows[0]?.t ?? '', /San Antonio|53616e20416e746f6e696f/i);
  });

  it('lists the family files a page at a time by cursor, never cut silently', async () => {
    for (const label of ['Familia Dos', 'Familia Tres'])
      assert.equal((await coord.post('/api/families', { label })).statusCode, 201);
    type Page = { items: { id: string }[]; nextCursor: string | null };
    const all = (await coord.get('/api/families')).json() as Page;
    assert.deepEqual([all.items.length, all.nextCursor], [3, null]);
    const first = (await coord.get('/api/families?limit=2')).json() as Page;
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor, 'a next page is announced');
    const next = (
      await coord.get(`/api/families?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
    ).json() as Page;
    assert.deepEqual([next.items.length, next.nextCursor], [1, null]);
    // The pages together are the whole list, in its order, each file once.
    assert.deepEqual(
      [...first.items, ...next.items].map((f) => f.id),
      all.items.map((f) => f.id),
    );
    assert.equal((await coord.get('/api/families?cursor=e30')).statusCode, 400);
  });
});
