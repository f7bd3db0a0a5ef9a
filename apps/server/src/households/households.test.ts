// Households and travelling groups through the API: created with relationships and responsible
// adults, encrypted label and notes, the member rules (a child is never the guardian of an
// adult, a responsible adult is an adult member, nobody is their own), same organisation only,
// version checks, lists and a person's households.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { rotateOrgDataKey } from '../kernel/crypto/key-rotation.ts';

interface Household {
  id: string;
  kind: string;
  label?: string;
  version: number;
  members: {
    personId: string;
    givenNames: string;
    age: number | null;
    relationship: string;
    responsibleAdultId: string | null;
    restricted: boolean;
  }[];
}
interface ErrorBody {
  code: string;
  field?: string;
  message: string;
}

const thisYear = new Date().getUTCFullYear();

describeOnBothDatabases('households', (h) => {
  let worker: ApiClient;
  let mother: string;
  let daughter: string;
  let son: string;
  let uncle: string;
  let teen: string;
  let household: Household;
  const person = async (c: ApiClient, givenNames: string, birthYear: number | null) => {
    const created = await c.post('/api/people', {
      givenNames,
      surnames: 'Maradiaga',
      ...(birthYear ? { birthDate: `${birthYear}-06-01` } : {}),
    });
    assert.equal(created.statusCode, 201, created.body);
    return (created.json() as { id: string }).id;
  };
  const fails = (
    response: { statusCode: number; body: string; json(): unknown },
    status: number,
    code: string,
    field?: string,
  ) => {
    assert.equal(response.statusCode, status, response.body);
    const body = response.json() as ErrorBody;
    assert.equal(body.code, code);
    if (field) assert.equal(body.field, field);
    return body;
  };

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    worker = await h().login('cw@albergue.example');
    mother = await person(worker, 'Dania', thisYear - 32);
    daughter = await person(worker, 'Keyla', thisYear - 9);
    son = await person(worker, 'Brayan', thisYear - 4);
    uncle = await person(worker, 'Wilmer', thisYear - 40);
    teen = await person(worker, 'Josué', thisYear - 15);
  });

  it('creates a family with relationships and responsible adults, label and notes encrypted at rest', async () => {
    const created = await worker.post('/api/households', {
      kind: 'family',
      label: 'Familia Maradiaga de Choloma',
      notes: 'Huyen de amenazas de la pandilla',
      members: [
        { personId: mother, relationship: 'self' },
        { personId: daughter, relationship: 'child', responsibleAdultId: mother },
        { personId: son, relationship: 'child', responsibleAdultId: mother },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    household = created.json() as Household;
    assert.equal(household.label, 'Familia Maradiaga de Choloma');
    assert.deepEqual(
      household.members.map((m) => [m.givenNames, m.relationship, m.responsibleAdultId, m.age]),
      [
        ['Dania', 'self', null, 32],
        ['Keyla', 'child', mother, 9],
        ['Brayan', 'child', mother, 4],
      ],
    );
    const { rows } = await h().ctx.db.query<{ label: Uint8Array; notes: Uint8Array }>(
      'SELECT label, notes FROM households WHERE id = $1',
      [household.id],
    );
    const stored = Buffer.concat([Buffer.from(rows[0]?.label ?? []), Buffer.from(rows[0]?.notes ?? [])]);
    assert.ok(stored.length > 0);
    for (const clear of ['Maradiaga', 'Choloma', 'pandilla'])
      assert.equal(stored.includes(clear), false, `${clear} in clear`);
    const audit = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'household.create' AND record_id = $1",
      [household.id],
    );
    assert.equal(Number(audit.rows[0]?.n), 1);
  });

  it('rejects a child marked as the guardian of an adult, with a translated error naming the field', async () => {
    const response = await worker.post(
      '/api/households',
      {
        kind: 'family',
        members: [
          { personId: uncle, relationship: 'self' },
          { personId: teen, relationship: 'guardian' },
        ],
      },
      { 'accept-language': 'en' },
    );
    const body = fails(response, 400, 'households.child_as_guardian', 'members[1].relationship');
    assert.match(body.message, /cannot be recorded as the parent or guardian of an adult/);
    const es = fails(
      await worker.post('/api/households', {
        kind: 'family',
        members: [
          { personId: uncle, relationship: 'self' },
          { personId: teen, relationship: 'guardian' },
        ],
      }),
      400,
      'households.child_as_guardian',
    );
    assert.match(es.message, /no puede figurar como madre, padre o tutor/);
  });

  it('keeps the responsible-adult rules: an adult member, never oneself, never a child', async () => {
    fails(
      await worker.post('/api/households', {
        kind: 'family',
        members: [
          { personId: mother, relationship: 'self' },
          { personId: son, relationship: 'child', responsibleAdultId: son },
        ],
      }),
      400,
      'households.own_responsible_adult',
      'members[1].responsibleAdultId',
    );
    fails(
      await worker.post('/api/households', {
        kind: 'family',
        members: [
          { personId: teen, relationship: 'self' },
          { personId: son, relationship: 'sibling', responsibleAdultId: teen },
        ],
      }),
      400,
      'households.responsible_not_adult',
      'members[1].responsibleAdultId',
    );
    fails(
      await worker.post('/api/households', {
        kind: 'family',
        members: [
          { personId: teen, relationship: 'self' },
          { personId: son, relationship: 'sibling', responsibleAdultId: uncle },
        ],
      }),
      400,
      'households.responsible_not_member',
      'members[1].responsibleAdultId',
    );
    fails(
      await worker.put(`/api/households/${household.id}/members/${son}/responsible-adult`, {
        version: household.version,
        responsibleAdultId: daughter,
      }),
      400,
      'households.responsible_not_adult',
      'responsibleAdultId',
    );
    const count = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM households');
    assert.equal(Number(count.rows[0]?.n), 1, 'nothing partial was written');
  });

  it('accepts members of the same organisation only', async () => {
    await h().createAccount({ org: 'otra', email: 'cw@otra.example', role: 'caseworker' });
    const outsider = await person(await h().login('cw@otra.example'), 'Rosa', thisYear - 30);
    fails(
      await worker.post('/api/households', {
        kind: 'family',
        members: [
          { personId: mother, relationship: 'self' },
          { personId: outsider, relationship: 'sibling' },
        ],
      }),
      400,
      'households.unknown_member',
      'members[1].personId',
    );
    fails(
      await worker.post(`/api/households/${household.id}/members`, {
        version: household.version,
        personId: outsider,
        relationship: 'sibling',
      }),
      400,
      'households.unknown_member',
      'personId',
    );
  });

  it('adds a member, names a new responsible adult, removes a member, with version checks', async () => {
    const added = await worker.post(`/api/households/${household.id}/members`, {
      version: household.version,
      personId: uncle,
      relationship: 'sibling',
    });
    assert.equal(added.statusCode, 200, added.body);
    const v2 = added.json() as Household;
    fails(
      await worker.post(`/api/households/${household.id}/members`, {
        version: household.version,
        personId: teen,
        relationship: 'child',
      }),
      409,
      'record.conflict',
    );
    fails(
      await worker.post(`/api/households/${household.id}/members`, {
        version: v2.version,
        personId: uncle,
        relationship: 'other',
      }),
      409,
      'households.already_member',
      'personId',
    );
    const set = await worker.put(`/api/households/${household.id}/members/${son}/responsible-adult`, {
      version: v2.version,
      responsibleAdultId: uncle,
    });
    assert.equal(set.statusCode, 200, set.body);
    const v3 = set.json() as Household;
    assert.equal(v3.members.find((m) => m.personId === son)?.responsibleAdultId, uncle);
    fails(
      await worker.request({
        method: 'DELETE',
        url: `/api/households/${household.id}/members/${mother}?version=${v3.version}`,
      }),
      400,
      'households.cannot_remove_reference',
    );
    const removed = await worker.request({
      method: 'DELETE',
      url: `/api/households/${household.id}/members/${uncle}?version=${v3.version}`,
    });
    assert.equal(removed.statusCode, 200, removed.body);
    const v4 = removed.json() as Household;
    assert.equal(
      v4.members.some((m) => m.personId === uncle),
      false,
    );
    assert.equal(
      v4.members.find((m) => m.personId === son)?.responsibleAdultId,
      null,
      'the child whose adult left has none until another is named',
    );
    household = v4;
  });

  it('lists households by kind with a cursor, and a person’s households', async () => {
    h().clock.advanceMinutes(1);
    const child = await worker.post('/api/households', {
      kind: 'unaccompanied_child',
      members: [{ personId: teen, relationship: 'self' }],
    });
    assert.equal(child.statusCode, 201, child.body);
    const all = (await worker.get('/api/households?limit=1')).json() as {
      items: { id: string; memberCount: number }[];
      nextCursor: string | null;
    };
    assert.equal(all.items.length, 1);
    assert.ok(all.nextCursor);
    const next = (
      await worker.get(`/api/households?limit=1&cursor=${encodeURIComponent(all.nextCursor ?? '')}`)
    ).json() as { items: { id: string; memberCount: number }[] };
    assert.equal(next.items[0]?.id, household.id);
    assert.equal(next.items[0]?.memberCount, 3);
    const families = (await worker.get('/api/households?kind=unaccompanied_child')).json() as {
      items: { id: string }[];
    };
    assert.deepEqual(
      families.items.map((i) => i.id),
      [(child.json() as Household).id],
    );
    const mine = (await worker.get(`/api/people/${daughter}/households`)).json() as { items: Household[] };
    assert.deepEqual(
      mine.items.map((i) => i.id),
      [household.id],
    );
    const outsider = await h().login('cw@otra.example');
    assert.equal((await outsider.get(`/api/households/${household.id}`)).statusCode, 404);
    const orgId = (
      await h().ctx.db.query<{ org_id: string }>('SELECT org_id::text AS org_id FROM households WHERE id = $1', [
        household.id,
      ])
    ).rows[0]?.org_id as string;
    await rotateOrgDataKey(h().ctx.db, h().ctx.keyring, orgId);
    assert.equal(
      ((await worker.get(`/api/households/${household.id}`)).json() as Household).label,
      'Familia Maradiaga de Choloma',
      'readable after key rotation',
    );
    assert.equal(((await outsider.get('/api/households')).json() as { items: unknown[] }).items.length, 0);
  });
});
