// The forensic service's demo remains and the partner shelters' people of journeys 1 and 4: a
// families' committee's report for Kevin proposes Saltillo's "Kebin Alvarenga" and the young
// men's remains, never the woman's or the older man's.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { seedJourneyPeople } from '../demo/demo-journey-people.ts';
import { demoFoundRecords, seedDemoFoundRecords } from './demo-found.ts';

interface Candidate {
  candidateKind: string;
  candidateId: string;
  candidate: { givenNames?: string; access?: string } | null;
}

describeOnBothDatabases('demo found records and journey people', (h) => {
  let ids: { dania?: string; kebin?: string } = {};
  before(async () => {
    h().clock.now = new Date('2026-12-07T15:00:00Z');
    await seedDemo(h().ctx);
    ids = await seedJourneyPeople(h().ctx);
    assert.equal(await seedDemoFoundRecords(h().ctx), demoFoundRecords.length);
  });

  it('registers the remains at the forensic service, unidentified, readable by its coordinator', async () => {
    const forensic = await h().login('identificacion@forensegolfo.example', DEMO_PASSWORD);
    const list = (await forensic.get('/api/missing/found')).json() as {
      items: { kind: string; status: string; foundPlace?: string }[];
    };
    assert.equal(list.items.length, 4);
    assert.ok(list.items.every((f) => f.kind === 'unidentified_remains' && f.status === 'unidentified'));
    assert.ok(list.items.some((f) => f.foundPlace === 'Las Choapas, Veracruz'));
  });

  it("proposes Kebin at Saltillo and the two young men's remains for a report of Kevin, 19", async () => {
    assert.ok(ids.kebin && ids.dania);
    const committee = await h().login('busqueda@familiascholoma.example', DEMO_PASSWORD);
    const created = await committee.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2007-02-11',
      lastContact: { date: '2026-08-30', place: 'Coatzacoalcos, Veracruz' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const reportId = (created.json() as { id: string }).id;
    const items = (
      (await committee.get(`/api/missing/reports/${reportId}/candidates`)).json() as { items: Candidate[] }
    ).items;
    const first = items[0];
    assert.deepEqual(
      [first?.candidateKind, first?.candidateId, first?.candidate?.access],
      ['person', ids.kebin, 'partner'],
    );
    const remains = items.filter((c) => c.candidateKind === 'found_record');
    assert.equal(remains.length, 2, JSON.stringify(items.map((c) => c.candidateKind)));
    // Dania is never a candidate for Kevin, and Tenosique does not share with the committee anyway.
    assert.ok(!items.some((c) => c.candidateId === ids.dania));
  });
});
