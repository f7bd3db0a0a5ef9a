// The purposes as data: what each shares, and the union rule a partner's read follows.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sharingPurposeOf } from './policy-grants.ts';
import { personShareableFields, sharedPersonFields, sharingPurposeIds, sharingPurposes } from './sharing-purposes.ts';

it('search shares names, sex, dates and places and never documents, contacts, notes or languages', () => {
  const fields: readonly string[] = sharingPurposes.search.personFields;
  for (const f of ['givenNames', 'surnames', 'sex', 'birthDate', 'origin']) assert.ok(fields.includes(f), f);
  for (const f of ['documents', 'contacts', 'notes', 'languages', 'genderIdentity']) assert.ok(!fields.includes(f), f);
});

it('no purpose shares notes, and only purposes that move person data need a consent', () => {
  for (const id of sharingPurposeIds) {
    const p = sharingPurposes[id];
    assert.equal(p.id, id);
    assert.ok(!p.personFields.includes('notes'), id);
    assert.equal(p.consent === null, p.personFields.length === 0, id);
    for (const f of p.personFields) assert.ok(personShareableFields.includes(f), `${id}: ${f}`);
  }
});

it("the policy's purpose for each record type is one that names it as read", () => {
  for (const [type, purpose] of Object.entries(sharingPurposeOf))
    assert.ok((sharingPurposes[purpose as 'search'].reads as readonly string[]).includes(type), `${type}: ${purpose}`);
});

it('a partner reads the union of the purposes agreed AND consented that read the person record', () => {
  const sharing = [
    { fromOrgId: 'A', purposes: ['search', 'referral'] },
    { fromOrgId: 'B', purposes: ['search'] },
  ];
  assert.deepEqual(sharedPersonFields(sharing, 'A', ['search']).fields, [...sharingPurposes.search.personFields]);
  // Referral consent and agreement do not open the record itself (referrals carry their own chosen fields).
  assert.deepEqual(sharedPersonFields(sharing, 'A', ['referral']), { purposes: [], fields: [] });
  assert.deepEqual(sharedPersonFields(sharing, 'C', ['search']), { purposes: [], fields: [] });
  assert.deepEqual(sharedPersonFields(sharing, 'B', []), { purposes: [], fields: [] });
});
