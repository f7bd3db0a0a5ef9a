// Journey 1: "a Dania Maradiaga was registered last month" — the warning before saving a new
// record, with the reasons, and nothing saved by asking.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Candidate {
  person: { id: string; givenNames: string; surnames: string };
  decision: string;
  score: number;
  reasons: { field: string; weight: number }[];
}

describeOnBothDatabases('duplicate warning at intake', (h) => {
  let worker: ApiClient;
  let daniaId: string;
  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    worker = await h().login('cw@albergue.example');
    const dania = await worker.post('/api/people', {
      givenNames: 'Dania Yamileth',
      surnames: 'Maradiaga López',
      sex: 'F',
      birthDate: '1998-05-04',
      nationality: 'HN',
      documents: [{ type: 'passport', number: 'G1234567' }],
    });
    daniaId = (dania.json() as { id: string }).id;
    await worker.post('/api/people', {
      givenNames: 'Daniel',
      surnames: 'Maradiaga',
      sex: 'M',
      birthDate: '1971-02-10',
      nationality: 'HN',
    });
    await worker.post('/api/people', {
      givenNames: 'Rosa',
      surnames: 'Pérez',
      sex: 'F',
      birthDate: '1990-01-01',
      nationality: 'GT',
    });
  });

  it('warns that Dania is probably already registered, spelt differently and without her second surname', async () => {
    const before = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people');
    const response = await worker.post('/api/people/duplicate-check', {
      givenNames: 'Dania',
      surnames: 'Maradiga',
      sex: 'F',
      birthDate: '1998-05-04',
      nationality: 'HN',
    });
    assert.equal(response.statusCode, 200, response.body);
    const items = (response.json() as { items: Candidate[] }).items;
    assert.equal(items[0]?.person.id, daniaId);
    assert.equal(items[0]?.decision, 'match');
    assert.ok(
      items[0]?.reasons.some((r) => r.field.startsWith('birth') && r.weight > 0),
      JSON.stringify(items[0]?.reasons),
    );
    // Daniel, another man born decades earlier, is not a likely duplicate of her.
    assert.ok(!items.some((c) => c.person.givenNames === 'Daniel' && c.decision === 'match'));
    const after = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people');
    assert.equal(Number(after.rows[0]?.n), Number(before.rows[0]?.n), 'asking saves nothing');
  });

  it('finds the record by passport number even when the name was written another way', async () => {
    const items = (
      (
        await worker.post('/api/people/duplicate-check', {
          givenNames: 'Yamileth',
          surnames: 'Lopez',
          documents: [{ type: 'passport', number: 'g-1234567' }],
        })
      ).json() as { items: Candidate[] }
    ).items;
    assert.equal(items[0]?.person.id, daniaId);
  });

  it('says nothing for a new person, and audits every check', async () => {
    const items = (
      (
        await worker.post('/api/people/duplicate-check', {
          givenNames: 'Wilmer',
          surnames: 'Xicará Tzul',
          birthDate: '2001-07-07',
        })
      ).json() as { items: Candidate[] }
    ).items;
    assert.deepEqual(items, []);
    const audit = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'person.duplicate_check'",
    );
    assert.ok(Number(audit.rows[0]?.n) >= 3);
  });

  it('refuses roles that may not read people', async () => {
    await h().createAccount({ org: 'albergue', email: 'an@albergue.example', role: 'analyst' });
    const analyst = await h().login('an@albergue.example');
    assert.equal((await analyst.post('/api/people/duplicate-check', { givenNames: 'Dania' })).statusCode, 403);
  });
});
