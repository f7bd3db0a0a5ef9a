// The duplicate warning across partner organisations: a partner's record appears only where a
// sharing agreement for 'search' exists AND the person consented to sharing, with the least data
// and the partner's name, and disappears as soon as the consent is withdrawn.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Candidate {
  person: Record<string, unknown> & { id: string; givenNames: string };
  decision: string;
  reasons: { field: string; weight: number }[];
  organisation?: { id: string; name: string };
}

describeOnBothDatabases('duplicate warning with partner organisations', (h) => {
  let shelter: ApiClient;
  let clinic: ApiClient;
  let stranger: ApiClient;
  let daniaId: string;
  let consentId: string;
  const dania = { givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F', birthDate: '1998-05-04', nationality: 'HN' };
  const check = async (c: ApiClient, body: object) => {
    const response = await c.post('/api/people/duplicate-check', body);
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { items: Candidate[] }).items;
  };

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'clinica', email: 'coord@clinica.example', role: 'coordinator' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    const [albergue, clinica] = [await h().createOrg('albergue'), await h().createOrg('clinica')];
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [albergue, clinica],
    );
    shelter = await h().login('coord@albergue.example');
    clinic = await h().login('coord@clinica.example');
    stranger = await h().login('coord@otra.example');
    const created = await shelter.post('/api/people', {
      ...dania,
      givenNames: 'Dania Yamileth',
      surnames: 'Maradiaga López',
      aliases: ['La Flaca'],
      documents: [{ type: 'passport', number: 'G1234567' }],
    });
    daniaId = (created.json() as { id: string }).id;
    const consent = await shelter.post(`/api/people/${daniaId}/consents`, { purpose: 'sharing', method: 'signed' });
    consentId = (consent.json() as { id: string }).id;
    // Same name, no consent to sharing: never shown to a partner.
    await shelter.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga Pérez',
      sex: 'F',
      birthDate: '1998-05-04',
      nationality: 'HN',
    });
  });

  it("shows the partner's consented record with the least data, the partner's name and the reasons", async () => {
    const items = await check(clinic, dania);
    const partner = items.filter((c) => c.organisation);
    assert.deepEqual(
      partner.map((c) => c.person.id),
      [daniaId],
    );
    const [candidate] = partner;
    assert.equal(candidate?.organisation?.name, 'Org albergue');
    assert.deepEqual(Object.keys(candidate?.person ?? {}).sort(), [
      'aliases',
      'birthYear',
      'givenNames',
      'id',
      'nationality',
      'surnames',
      'version',
    ]);
    assert.deepEqual(candidate?.person.aliases, []);
    assert.ok(candidate?.reasons.some((r) => r.weight > 0));
    const audit = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'person.duplicate_check_shared'",
    );
    assert.ok(Number(audit.rows[0]?.n) >= 1);
  });

  it("never shows a partner the person's differentiated profile or photo", async () => {
    assert.equal(
      (await shelter.put(`/api/people/${daniaId}/profile`, { version: 1, indicators: ['violence_survivor'] }))
        .statusCode,
      200,
    );
    const shared = await clinic.get(`/api/people/${daniaId}`);
    assert.equal(shared.statusCode, 200, shared.body);
    assert.equal((shared.json() as { profile?: unknown }).profile, undefined);
    assert.equal((await clinic.get(`/api/people/${daniaId}/intake-plan`)).statusCode, 404);
    assert.equal((await clinic.get(`/api/people/${daniaId}/photo`)).statusCode, 404);
  });

  it('neither looks up nor compares a partner record by document number (search shares no documents)', async () => {
    const byPassport = await check(clinic, {
      givenNames: 'Wendy',
      surnames: 'Carías',
      documents: [{ type: 'passport', number: 'G1234567' }],
    });
    assert.deepEqual(
      byPassport.filter((c) => c.organisation),
      [],
    );
    const byName = (await check(clinic, { ...dania, documents: [{ type: 'passport', number: 'G1234567' }] })).filter(
      (c) => c.organisation,
    );
    assert.equal(byName.length, 1);
    assert.ok(byName.every((c) => c.reasons.every((r) => !/document/i.test(r.field))));
  });

  it('shows nothing to an organisation without an agreement', async () => {
    assert.deepEqual(await check(stranger, dania), []);
  });

  it('stops showing the record right after the consent is withdrawn', async () => {
    assert.equal((await shelter.post(`/api/people/${daniaId}/consents/${consentId}/withdraw`)).statusCode, 204);
    assert.deepEqual(
      (await check(clinic, dania)).filter((c) => c.organisation),
      [],
    );
  });
});
