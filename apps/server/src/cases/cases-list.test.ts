// Issue 4, item 8: Marta, the shelter's coordinator, finds cases by status, worker, team,
// protection flag, nationality, opening date and by name typed any way — every filter applied in
// SQL, pages by cursor. A caseworker's list holds only their own and their team's cases.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Summary {
  id: string;
  givenNames: string | null;
  status: string;
  nationality: string | null;
  openedAt: string;
  assignedName: string | null;
  openTasks: number;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

describeOnBothDatabases('case lists', (h) => {
  let marta: ApiClient;
  let luis: ApiClient;
  let ana: ApiClient;
  let luisId: string;
  let teamId: string;
  const names = async (client: ApiClient, query: string) => {
    const response = await client.get(`/api/cases${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as Page).items.map((i) => i.givenNames).sort();
  };

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'marta@albergue.example', role: 'coordinator' });
    luisId = (await h().createAccount({ org: 'albergue', email: 'luis@albergue.example', role: 'caseworker' }))
      .accountId;
    await h().createAccount({ org: 'albergue', email: 'ana@albergue.example', role: 'caseworker' });
    [marta, luis, ana] = [
      await h().login('marta@albergue.example'),
      await h().login('luis@albergue.example'),
      await h().login('ana@albergue.example'),
    ];
    const person = async (client: ApiClient, body: object) =>
      ((await client.post('/api/people', body)).json() as { id: string }).id;
    const dania = await person(luis, {
      givenNames: 'Dania',
      surnames: 'Maradiaga Flores',
      sex: 'F',
      nationality: 'HN',
    });
    const jean = await person(ana, { givenNames: 'Jean-Baptiste', surnames: 'Pierre', sex: 'M', nationality: 'HT' });
    const kevin = await person(luis, {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      nationality: 'HN',
      estimatedAge: 15,
    });
    await luis.post(`/api/people/${kevin}/screenings`, {
      questionnaireId: 'child_best_interests',
      answers: { travels_with_parent: false },
      profile: ['child', 'unaccompanied_child'],
    });
    h().clock.now = new Date('2026-03-02T15:00:00Z');
    assert.equal((await luis.post('/api/cases', { personId: dania })).statusCode, 201);
    h().clock.now = new Date('2026-03-10T15:00:00Z');
    const jeans = (await ana.post('/api/cases', { personId: jean })).json() as { id: string; version: number };
    await ana.post(`/api/cases/${jeans.id}/close`, {
      version: jeans.version,
      reason: 'Continuó su camino hacia Monterrey.',
    });
    h().clock.now = new Date('2026-03-20T15:00:00Z');
    const teams = await h().ctx.db.query<{ id: string }>(
      "INSERT INTO teams (org_id, name) SELECT org_id, 'Niñez' FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = 'marta@albergue.example' RETURNING id::text AS id",
    );
    teamId = teams.rows[0]?.id as string;
    assert.equal(
      (await marta.post('/api/cases', { personId: kevin, assignedAccountId: luisId, teamId })).statusCode,
      201,
    );
    h().clock.now = new Date();
  });

  it('lists every case of the organisation for the coordinator, newest first', async () => {
    const page = (await marta.get('/api/cases')).json() as Page;
    assert.deepEqual(
      page.items.map((i) => i.givenNames),
      ['Kevin', 'Jean-Baptiste', 'Dania'],
    );
    assert.equal(page.items[0]?.openTasks, 4);
    assert.equal(page.nextCursor, null);
  });

  it('filters by status, worker and team', async () => {
    assert.deepEqual(await names(marta, '?status=closed'), ['Jean-Baptiste']);
    assert.deepEqual(await names(marta, '?status=open'), ['Dania', 'Kevin']);
    assert.deepEqual(await names(marta, `?assignedTo=${luisId}`), ['Dania', 'Kevin']);
    assert.deepEqual(await names(luis, '?assignedTo=me'), ['Dania', 'Kevin']);
    assert.deepEqual(await names(marta, `?teamId=${teamId}`), ['Kevin']);
  });

  it('filters by protection flag through the blind index, and by nationality', async () => {
    assert.deepEqual(await names(marta, '?flag=unaccompanied_or_separated_child'), ['Kevin']);
    assert.deepEqual(await names(marta, '?flag=trafficking_indicators'), []);
    assert.deepEqual(await names(marta, '?nationality=ht'), ['Jean-Baptiste']);
    assert.deepEqual(await names(marta, '?nationality=HN&status=open'), ['Dania', 'Kevin']);
  });

  it('filters by opening date, both ends included', async () => {
    assert.deepEqual(await names(marta, '?openedFrom=2026-03-10'), ['Jean-Baptiste', 'Kevin']);
    assert.deepEqual(await names(marta, '?openedTo=2026-03-10'), ['Dania', 'Jean-Baptiste']);
    assert.deepEqual(await names(marta, '?openedFrom=2026-03-03&openedTo=2026-03-19'), ['Jean-Baptiste']);
  });

  it('finds a case by the person’s name however it is typed', async () => {
    assert.deepEqual(await names(marta, `?q=${encodeURIComponent('dania maradiaja')}`), ['Dania']);
    assert.deepEqual(await names(marta, `?q=${encodeURIComponent('Yan Batist Pier')}`), ['Jean-Baptiste']);
    assert.deepEqual(await names(marta, `?q=${encodeURIComponent('Alvarenga')}&status=closed`), []);
  });

  it('pages by cursor without repeating or losing a case', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await marta.get(`/api/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as Page;
      seen.push(...page.items.map((i) => i.givenNames ?? ''));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['Kevin', 'Jean-Baptiste', 'Dania']);
    assert.equal((await marta.get('/api/cases?cursor=nonsense')).statusCode, 400);
  });

  it('shows a caseworker only their own and their team’s cases', async () => {
    assert.deepEqual(await names(ana, ''), ['Jean-Baptiste']);
    assert.deepEqual(await names(luis, ''), ['Dania', 'Kevin']);
  });
});
