// The "Hoy" home: each role gets the cards it can act on, with counts and links, from the same
// records the modules show (a caseworker's overdue task; nothing of another account's).
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Today } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

describeOnBothDatabases('the Hoy home', (h) => {
  let luis: ApiClient;
  let luisId: string;
  let caseId: string;

  before(async () => {
    luisId = (await h().createAccount({ org: 'albergue', email: 'luis@albergue.example', role: 'caseworker' }))
      .accountId;
    await h().createAccount({ org: 'albergue', email: 'marta@albergue.example', role: 'caseworker' });
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'albergue', email: 'busqueda@albergue.example', role: 'search_committee' });
    await h().createAccount({ org: 'albergue', email: 'abogada@albergue.example', role: 'lawyer' });
    luis = await h().login('luis@albergue.example');
    const person = await luis.post('/api/people', { givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F' });
    const opened = await luis.post('/api/cases', { personId: (person.json() as { id: string }).id });
    caseId = (opened.json() as { id: string }).id;
    for (const [key, dueOn] of [
      ['comar_application', '2020-01-10'],
      ['clinic_referral', '2999-01-01'],
    ] as const) {
      const task = await luis.post(`/api/cases/${caseId}/tasks`, { key, ownerAccountId: luisId, dueOn });
      assert.equal(task.statusCode, 201, task.body);
    }
  });

  async function today(client: ApiClient, lang = 'es'): Promise<Today> {
    const response = await client.get('/api/home/today', { 'accept-language': lang });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as Today;
  }

  it("lists the caseworker's overdue task, in words, one click from its case, and not the far-off one", async () => {
    const home = await today(luis);
    assert.deepEqual(Object.keys(home.cards).sort(), ['deadlines', 'followUps', 'notifications', 'tasks']);
    assert.equal(home.cards.tasks?.count, 1);
    const [task] = home.cards.tasks?.items ?? [];
    assert.equal(task?.path, `/cases/${caseId}`);
    assert.equal(task?.status, 'overdue');
    assert.equal(task?.due, '2020-01-10');
    assert.equal(task?.title, 'Solicitud de la condición de refugiado ante la COMAR');
    assert.match(home.today, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(home.timeZone, 'America/Mexico_City');
  });

  it("shows another caseworker none of Luis's tasks", async () => {
    const marta = await h().login('marta@albergue.example');
    assert.equal((await today(marta)).cards.tasks?.count, 0);
  });

  it('gives each role its own cards', async () => {
    const coordinator = await today(await h().login('coord@albergue.example'));
    assert.deepEqual(Object.keys(coordinator.cards).sort(), [
      'deadlines',
      'followUps',
      'matches',
      'notifications',
      'referrals',
      'tasks',
    ]);
    assert.equal(coordinator.cards.referrals?.path, '/referrals');
    const committee = await today(await h().login('busqueda@albergue.example'));
    assert.deepEqual(Object.keys(committee.cards).sort(), ['matches', 'notifications']);
    assert.equal(committee.cards.matches?.path, '/search/review');
    const lawyer = await today(await h().login('abogada@albergue.example'));
    assert.deepEqual(Object.keys(lawyer.cards).sort(), ['deadlines', 'followUps', 'notifications', 'tasks']);
  });
});
