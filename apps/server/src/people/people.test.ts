// The person record through the API: registering, reading, changing with a version check,
// deleting with an audit stub, exporting, and the access rules around it.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface PersonBody {
  id: string;
  givenNames: string;
  surnames: string;
  version: number;
  documents: { type: string; number: string }[];
  notes?: string;
}

const patch = (c: ApiClient, url: string, payload: object) => c.request({ method: 'PATCH', url, payload });

describeOnBothDatabases('person record', (h) => {
  let worker: ApiClient;
  let personId: string;

  it('registers a person and answers 201 with the record', async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    worker = await h().login('cw@albergue.example');
    const created = await worker.post('/api/people', {
      givenNames: 'María José',
      surnames: 'Hernández Núñez',
      sex: 'F',
      birthDate: '1994-03-12',
      nationality: 'hn',
      documents: [{ type: 'passport', number: 'H-1234567' }],
      aliases: ['Majo'],
      languages: [{ language: 'es' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json() as PersonBody & { nationality: string; birthYear: number };
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      [body.givenNames, body.surnames, body.nationality, body.birthYear, body.version],
      ['María José', 'Hernández Núñez', 'HN', 1994, 1],
    );
    personId = body.id;
  });

  it('reads the record back and audits the read with the fields shown', async () => {
    const read = await worker.get(`/api/people/${personId}`);
    assert.equal(read.statusCode, 200);
    assert.equal((read.json() as PersonBody).documents[0]?.number, 'H-1234567');
    const { rows } = await h().ctx.db.query<{ action: string; fields: string[] }>(
      "SELECT action, fields FROM audit_log WHERE record_type = 'person' AND record_id = $1 ORDER BY seq",
      [personId],
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ['person.create', 'person.read'],
    );
    assert.ok(rows[1]?.fields.includes('given_names') && rows[1].fields.includes('documents'));
  });

  it('keeps names exactly as written, markup included, and never interprets them', async () => {
    const created = await worker.post('/api/people', {
      givenNames: '<script>alert(1)</script>',
      surnames: "O'Neil de la Cruz",
    });
    assert.equal(created.statusCode, 201);
    const read = (await worker.get(`/api/people/${(created.json() as PersonBody).id}`)).json() as PersonBody;
    assert.deepEqual([read.givenNames, read.surnames], ['<script>alert(1)</script>', "O'Neil de la Cruz"]);
  });

  it('refuses a stale edit with 409 record.conflict naming what changed, and keeps the newer data', async () => {
    const first = await patch(worker, `/api/people/${personId}`, { version: 1, notes: 'Llegó con su hija.' });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal((first.json() as PersonBody).version, 2);
    const stale = await patch(worker, `/api/people/${personId}`, { version: 1, givenNames: 'Maria' });
    assert.equal(stale.statusCode, 409);
    const error = stale.json() as { code: string; field: string };
    assert.equal(error.code, 'record.conflict');
    assert.match(error.field, /notes/);
    const read = (await worker.get(`/api/people/${personId}`)).json() as PersonBody;
    assert.deepEqual([read.givenNames, read.notes, read.version], ['María José', 'Llegó con su hija.', 2]);
  });

  it("answers 404 for another organisation's person and 403 for an analyst", async () => {
    await h().createAccount({ org: 'clinica', email: 'cw@clinica.example', role: 'caseworker' });
    const other = await h().login('cw@clinica.example');
    for (const response of [
      await other.get(`/api/people/${personId}`),
      await patch(other, `/api/people/${personId}`, { version: 2, notes: 'x' }),
    ]) {
      assert.deepEqual([response.statusCode, (response.json() as { code: string }).code], [404, 'record.not_found']);
    }
    const search = (await other.get('/api/people?q=Maria%20Hernandez')).json() as { items: unknown[] };
    assert.equal(search.items.length, 0);
    await h().createAccount({ org: 'albergue', email: 'analyst@albergue.example', role: 'analyst' });
    const analyst = await h().login('analyst@albergue.example');
    for (const response of [await analyst.get(`/api/people/${personId}`), await analyst.get('/api/people?q=Maria')]) {
      assert.deepEqual([response.statusCode, (response.json() as { code: string }).code], [403, 'policy.denied']);
    }
  });

  it("exports the person's own data with consents and the access log", async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    const coordinator = await h().login('coord@albergue.example');
    const consent = await coordinator.post(`/api/people/${personId}/consents`, {
      purpose: 'care',
      method: 'oral_with_witness',
      witnessName: 'Ana Ruiz',
    });
    assert.equal(consent.statusCode, 201, consent.body);
    const exported = await coordinator.get(`/api/people/${personId}/export`);
    assert.equal(exported.statusCode, 200, exported.body);
    const body = exported.json() as {
      person: PersonBody;
      consents: { purpose: string; witnessName: string }[];
      accessLog: { action: string }[];
    };
    assert.equal(body.person.givenNames, 'María José');
    assert.deepEqual(
      body.consents.map((c) => [c.purpose, c.witnessName]),
      [['care', 'Ana Ruiz']],
    );
    assert.ok(body.accessLog.some((e) => e.action === 'person.read'));
  });

  it('lets only an admin delete: personal data goes, an audit stub stays', async () => {
    const denied = await worker.request({ method: 'DELETE', url: `/api/people/${personId}` });
    assert.equal(denied.statusCode, 403);
    await h().createAccount({ org: 'albergue', email: 'admin@albergue.example', role: 'admin' });
    const admin = await h().login('admin@albergue.example');
    assert.equal((await admin.request({ method: 'DELETE', url: `/api/people/${personId}` })).statusCode, 204);
    assert.equal((await admin.get(`/api/people/${personId}`)).statusCode, 404);
    const { rows } = await h().ctx.db.query<{ given_names: unknown; name_bi: string[]; deleted_at: Date | null }>(
      'SELECT given_names, name_bi, deleted_at FROM people WHERE id = $1',
      [personId],
    );
    assert.deepEqual([rows[0]?.given_names, rows[0]?.name_bi], [null, []]);
    assert.ok(rows[0]?.deleted_at);
    const audit = await h().ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'person.delete' AND record_id = $1", [
      personId,
    ]);
    assert.equal(audit.rows.length, 1);
  });
});
