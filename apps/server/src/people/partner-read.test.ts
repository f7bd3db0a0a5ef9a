// A partner reading a person under a sharing agreement receives only the fields of the purposes
// both agreed and consented to (decision 0128). Reproduces the review's finding: the Choloma
// search committee, under a 'search' agreement, used to receive the passport number, the phone
// and the notes. Agreements are made and revoked through the administration API.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sharingPurposeIds, sharingPurposes } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

type Body = Record<string, unknown> & {
  documents: unknown[];
  contacts: unknown[];
  languages: unknown[];
  shared?: { purposes: string[]; fields: string[]; withheld: string[] };
};

describeOnBothDatabases('a partner reads a person under a sharing agreement', (h) => {
  let shelterAdmin: ApiClient;
  let shelter: ApiClient;
  let choloma: ApiClient;
  let cholomaAdmin: ApiClient;
  let cholomaId: string;
  let personId: string;
  let agreementId: string | undefined;

  const agree = async (purposes: string[]) => {
    if (agreementId) {
      const revoked = await shelterAdmin.post(`/api/admin/sharing-agreements/${agreementId}/revoke`);
      assert.equal(revoked.statusCode, 200, revoked.body);
    }
    const made = await shelterAdmin.post('/api/admin/sharing-agreements', { partnerOrgId: cholomaId, purposes });
    assert.equal(made.statusCode, 201, made.body);
    agreementId = (made.json() as { id: string }).id;
  };

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'admin@albergue.example', role: 'admin' });
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'choloma', email: 'comite@choloma.example', role: 'search_committee' });
    await h().createAccount({ org: 'choloma', email: 'admin@choloma.example', role: 'admin' });
    cholomaId = await h().createOrg('choloma');
    shelterAdmin = await h().login('admin@albergue.example');
    shelter = await h().login('coord@albergue.example');
    choloma = await h().login('comite@choloma.example');
    cholomaAdmin = await h().login('admin@choloma.example');
    const created = await shelter.post('/api/people', {
      givenNames: 'Keyla Marisol',
      surnames: 'Bonilla Ortez',
      aliases: ['La Chaparra'],
      sex: 'F',
      birthDate: '2001-07-19',
      nationality: 'HN',
      origin: { country: 'HN', place: 'Choloma, Cortés' },
      genderIdentity: 'mujer',
      languages: [{ language: 'es' }],
      documents: [{ type: 'passport', number: 'G7781203' }],
      contacts: [{ channel: 'phone', value: '+504 9911 0000' }],
      notes: 'Huye de amenazas de una pandilla en su colonia.',
    });
    assert.equal(created.statusCode, 201, created.body);
    personId = (created.json() as { id: string }).id;
    const consent = await shelter.post(`/api/people/${personId}/consents`, {
      purpose: 'sharing',
      method: 'oral_with_witness',
      witnessName: 'Hna. Lucía Ramos',
    });
    assert.equal(consent.statusCode, 201, consent.body);
  });

  it("finding 1: under 'search' the committee gets names, sex, dates and places, never documents, contacts or notes", async () => {
    await agree(['search']);
    const read = await choloma.get(`/api/people/${personId}`);
    assert.equal(read.statusCode, 200, read.body);
    const body = read.json() as Body;
    assert.deepEqual(body.documents, []);
    assert.deepEqual(body.contacts, []);
    assert.deepEqual(body.languages, []);
    assert.equal(body.notes, undefined);
    assert.equal(body.genderIdentity, undefined);
    assert.equal(body.teamId, null);
    assert.equal(body.ownerAccountId, null);
    assert.doesNotMatch(read.body, /G7781203|9911|pandilla|mujer/);
    assert.deepEqual(
      [body.givenNames, body.surnames, body.aliases, body.sex, body.birthDate, body.birthYear, body.nationality],
      ['Keyla Marisol', 'Bonilla Ortez', ['La Chaparra'], 'F', '2001-07-19', 2001, 'HN'],
    );
    assert.deepEqual(body.origin, { country: 'HN', place: 'Choloma, Cortés' });
    assert.deepEqual(body.shared?.purposes, ['search']);
    assert.deepEqual(body.shared?.fields, [...sharingPurposes.search.personFields]);
    assert.ok(body.shared?.withheld.includes('documents') && body.shared.withheld.includes('notes'));
    // The read is audited on the shelter's side with only the fields that left it.
    const { rows } = await h().ctx.db.query<{ fields: string[]; actor_org_id: string }>(
      "SELECT fields, actor_org_id::text AS actor_org_id FROM audit_log WHERE action = 'person.read' AND record_id = $1 ORDER BY seq DESC LIMIT 1",
      [personId],
    );
    assert.equal(rows[0]?.actor_org_id, cholomaId);
    for (const f of ['documents', 'contacts', 'notes', 'languages', 'gender_identity'])
      assert.ok(!rows[0]?.fields.includes(f), `audited ${f}`);
    assert.ok(rows[0]?.fields.includes('given_names') && rows[0].fields.includes('birth_date'));
    // The consents say which stand, not who witnessed them.
    const consents = await choloma.get(`/api/people/${personId}/consents`);
    assert.equal(consents.statusCode, 200, consents.body);
    assert.doesNotMatch(consents.body, /Lucía/);
    // The owning organisation still reads everything.
    const own = (await shelter.get(`/api/people/${personId}`)).json() as Body;
    assert.equal(own.shared, undefined);
    assert.equal((own.documents[0] as { number: string }).number, 'G7781203');
  });

  for (const purpose of sharingPurposeIds) {
    it(`under '${purpose}' alone the partner reads exactly that purpose's person fields`, async () => {
      await agree([purpose]);
      const read = await choloma.get(`/api/people/${personId}`);
      if (!sharingPurposes[purpose].reads.includes('person')) {
        assert.equal(read.statusCode, 404, `${purpose}: ${read.body}`);
        return;
      }
      assert.equal(read.statusCode, 200, read.body);
      const body = read.json() as Body;
      assert.deepEqual(body.shared?.fields, [...sharingPurposes[purpose].personFields]);
      for (const f of body.shared?.withheld ?? []) {
        const v = body[f];
        assert.ok(v === undefined || (Array.isArray(v) && v.length === 0), `${purpose}: ${f} leaked`);
      }
    });
  }

  it('both organisations see the agreement; the partner may revoke it and reading stops at once', async () => {
    await agree(['search', 'tracing']);
    const mine = (await shelterAdmin.get('/api/admin/sharing-agreements')).json() as {
      items: { id: string; direction: string; status: string; fieldsByPurpose: Record<string, string[]> }[];
      purposes: { id: string; personFields: string[] }[];
    };
    const theirs = (await cholomaAdmin.get('/api/admin/sharing-agreements')).json() as typeof mine;
    const a = mine.items.find((i) => i.id === agreementId);
    assert.equal(a?.direction, 'outgoing');
    assert.equal(a?.status, 'active');
    assert.deepEqual(a?.fieldsByPurpose.search, [...sharingPurposes.search.personFields]);
    assert.equal(theirs.items.find((i) => i.id === agreementId)?.direction, 'incoming');
    assert.ok(mine.purposes.some((p) => p.id === 'search' && !p.personFields.includes('documents')));
    // A committee member (not an admin) cannot create or revoke.
    const denied = await choloma.post(`/api/admin/sharing-agreements/${agreementId}/revoke`);
    assert.equal(denied.statusCode, 403, denied.body);
    assert.equal((await choloma.get(`/api/people/${personId}`)).statusCode, 200);
    const revoked = await cholomaAdmin.post(`/api/admin/sharing-agreements/${agreementId}/revoke`);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal((revoked.json() as { status: string }).status, 'revoked');
    assert.equal((await choloma.get(`/api/people/${personId}`)).statusCode, 404);
    const again = await shelterAdmin.post(`/api/admin/sharing-agreements/${agreementId}/revoke`);
    assert.equal(again.statusCode, 409, again.body);
    agreementId = undefined;
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_type = 'sharing_agreement' ORDER BY seq",
    );
    assert.ok(rows.filter((r) => r.action === 'sharing_agreement.create').length >= 2);
    assert.ok(rows.some((r) => r.action === 'sharing_agreement.revoke'));
  });

  it('refuses an agreement with itself, an unknown partner, an unknown purpose or an end before its start, writing nothing', async () => {
    const shelterId = await h().createOrg('albergue');
    const before = await h().ctx.db.query('SELECT count(*)::int AS n FROM sharing_agreements');
    for (const [body, field] of [
      [{ partnerOrgId: shelterId, purposes: ['search'] }, 'partnerOrgId'],
      [{ partnerOrgId: '00000000-0000-4000-8000-000000000000', purposes: ['search'] }, 'partnerOrgId'],
      [{ partnerOrgId: cholomaId, purposes: ['everything'] }, 'purposes'],
      [{ partnerOrgId: cholomaId, purposes: [] }, 'purposes'],
      [
        { partnerOrgId: cholomaId, purposes: ['search'], validFrom: '2030-01-10', validUntil: '2030-01-09' },
        'validUntil',
      ],
      [{ partnerOrgId: cholomaId, purposes: ['search'], validFrom: '2030-02-30' }, 'validFrom'],
    ] as const) {
      const r = await shelterAdmin.post('/api/admin/sharing-agreements', body);
      assert.equal(r.statusCode, 400, r.body);
      assert.match(String((r.json() as { field?: string }).field), new RegExp(field));
    }
    const afterCount = await h().ctx.db.query('SELECT count(*)::int AS n FROM sharing_agreements');
    assert.deepEqual(afterCount.rows, before.rows);
  });
});
