// Indicators of issue 8 (decision 0120): referrals made, accepted and completed by type of need
// and time to completion; reintegration outcomes at the 30/90/180-day follow-ups; families
// reunified. The organisation sees exact counts with small cells marked; the public table of a
// month hides cells under the threshold (5) and whatever would give them away.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { legalIdentityService } from '../directory/directory-fixtures.ts';

interface Cell {
  keys: (string | null)[];
  count: number | null;
  flag: string | null;
}
interface Table {
  cells: Cell[];
  dimensions: { id: string; categories: { key: string; label: string }[] }[];
}
const count = (t: Table, ...keys: (string | null)[]) =>
  t.cells.find((c) => JSON.stringify(c.keys) === JSON.stringify(keys))?.count;
const flag = (t: Table, ...keys: (string | null)[]) =>
  t.cells.find((c) => JSON.stringify(c.keys) === JSON.stringify(keys))?.flag;

describeOnBothDatabases('statistics: referrals, reintegration and families', (h) => {
  let worker: ApiClient;
  let partner: ApiClient;
  let analyst: ApiClient;
  let month: string;
  const today = () => h().clock.now.toISOString().slice(0, 10);

  it('records eight returnees followed up at 30 days, a referral plan and two families', async () => {
    await h().createAccount({ org: 'retorno', email: 'cw@retorno.example', role: 'coordinator' });
    await h().createAccount({ org: 'retorno', email: 'analyst@retorno.example', role: 'analyst' });
    await h().createAccount({ org: 'identidad', email: 'coord@identidad.example', role: 'coordinator' });
    worker = await h().login('cw@retorno.example');
    analyst = await h().login('analyst@retorno.example');
    partner = await h().login('coord@identidad.example');
    month = today().slice(0, 7);
    const service = await partner.post('/api/directory/services', {
      ...legalIdentityService(),
      acceptsReferrals: true,
    });
    const serviceId = (service.json() as { service: { id: string } }).service.id;
    const outcomes = [
      'progressing',
      'progressing',
      'progressing',
      'progressing',
      'progressing',
      'progressing',
      'settled',
      'struggling',
    ];
    for (const [i, outcome] of outcomes.entries()) {
      const person = (
        await worker.post('/api/people', {
          givenNames: `Persona${i}`,
          surnames: 'Ejemplo',
          sex: 'M',
          nationality: 'MX',
          birthDate: '1990-01-01',
        })
      ).json() as { id: string };
      const reception = (
        await worker.post('/api/reintegration/receptions', {
          personId: person.id,
          receivedOn: today(),
          arrivalMode: 'air',
          portOfEntry: 'AICM',
          returnedFrom: 'US',
          returningAuthority: 'ice',
        })
      ).json() as { id: string };
      const assessed = (
        await worker.put(`/api/reintegration/receptions/${reception.id}/assessment`, {
          assessedOn: today(),
          needs: [{ area: 'legal_identity', level: 'urgent' }],
        })
      ).json() as { followUps: { id: string }[] };
      const done = await worker.post(`/api/reintegration/follow-ups/${assessed.followUps[0]?.id}`, {
        doneOn: today(),
        outcome,
      });
      assert.equal(done.statusCode, 200, done.body);
      if (i < 2) {
        await worker.post(`/api/people/${person.id}/consents`, { purpose: 'referral', method: 'signed' });
        const sent = (
          await worker.post(`/api/reintegration/receptions/${reception.id}/referrals`, {
            area: 'legal_identity',
            toServiceId: serviceId,
            reason: 'Acta',
            sharedFields: ['name'],
          })
        ).json() as { plan: { referralId: string }[] };
        if (i === 0) {
          const id = sent.plan[0]?.referralId as string;
          assert.equal((await partner.post(`/api/referrals/${id}/accept`)).statusCode, 200);
          assert.equal((await partner.post(`/api/referrals/${id}/complete`, { outcome: 'Entregada' })).statusCode, 200);
        }
      }
    }
    for (const label of ['Familia Uno', 'Familia Dos']) {
      const family = (await worker.post('/api/families', { label })).json() as { id: string; version: number };
      if (label === 'Familia Uno')
        assert.equal(
          (await worker.post(`/api/families/${family.id}/reunify`, { version: family.version, reunifiedOn: today() }))
            .statusCode,
          200,
        );
    }
  });

  it('counts referrals by type of need, status and time to completion for the organisation', async () => {
    const res = await analyst.get(`/api/stats/referrals.status?by=type,status&from=${month}&to=${month}`);
    assert.equal(res.statusCode, 200, res.body);
    const t = res.json() as Table;
    assert.equal(count(t, 'legal_identity', null), 2, 'made');
    assert.equal(count(t, 'legal_identity', 'completed'), 1, 'completed');
    assert.equal(count(t, 'legal_identity', 'sent'), 1);
    assert.equal(flag(t, 'legal_identity', 'completed'), 'small');
    assert.equal(t.dimensions[0]?.categories[0]?.label, 'Identidad jurídica');
    const time = (await analyst.get(`/api/stats/referrals.status?by=time&from=${month}&to=${month}`)).json() as Table;
    assert.equal(count(time, 'd0_7'), 1);
    assert.equal(count(time, 'not_completed'), 1);
  });

  it('counts reintegration outcomes at follow-up and families reunified', async () => {
    const t = (
      await analyst.get(`/api/stats/reintegration.outcomes?by=milestone,outcome&from=${month}&to=${month}`)
    ).json() as Table;
    assert.equal(count(t, '30', 'progressing'), 6);
    assert.equal(count(t, '30', 'settled'), 1);
    assert.equal(count(t, '30', null), 8);
    const f = (await analyst.get(`/api/stats/families.reunified?by=status&from=${month}&to=${month}`)).json() as Table;
    assert.equal(count(f, 'reunified'), 1);
    assert.equal(count(f, 'separated'), 1);
  });

  it('hides cells under the threshold in the public table of the month, and what would reveal them', async () => {
    const res = await analyst.get(
      `/api/stats/reintegration.outcomes?scope=network&by=outcome&from=${month}&to=${month}`,
    );
    assert.equal(res.statusCode, 200, res.body);
    const t = res.json() as Table;
    assert.equal(count(t, 'settled'), null);
    assert.equal(count(t, 'struggling'), null);
    assert.equal(count(t, null), 8);
    // No published cell is small, and the hidden ones cannot be worked out from the total: with
    // only one inner cell hidden, the total would give it away.
    assert.ok(
      t.cells.every((c) => c.count === null || c.count === 0 || c.count >= 5),
      JSON.stringify(t.cells),
    );
    assert.ok(t.cells.filter((c) => c.keys[0] !== null && c.count === null).length >= 2);
    const families = (
      await analyst.get(`/api/stats/families.reunified?scope=network&by=status&from=${month}&to=${month}`)
    ).json() as Table;
    assert.ok(
      families.cells.every((c) => c.count === null || c.count === 0),
      JSON.stringify(families.cells),
    );
  });
});
