// What a release never counts (decision 0127): incidents under restricted confidentiality, the
// levels an organisation keeps out, people who withdrew their consent to statistics (from the
// releases prepared afterwards), and organisations not taking part. Each is checked on the
// count a release is made from, and end to end on a preview.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { countBy } from './stats.queries.ts';
import { recordIncident } from './releases.testkit.ts';
import type { ReleaseDocument } from './releases.service.ts';

describeOnBothDatabases('statistics releases: what is never counted', (h) => {
  let admin: ApiClient;
  let docA: ApiClient;
  let docB: ApiClient;
  let orgA: string;
  let orgB: string;
  const total = async (indicator: string, orgIds: string[], release = true): Promise<number> => {
    const rows = await countBy(h().ctx.db, {
      indicator,
      by: [],
      orgId: null,
      from: '2026-10',
      to: '2026-10',
      institutionLevel: 'institution',
      today: '2026-12-07',
      ...(release ? { release: { orgIds } } : {}),
    });
    return rows[0]?.count ?? 0;
  };

  before(async () => {
    h().clock.now = new Date('2026-12-07T16:00:00Z');
    orgA = await h().createOrg('casa-a');
    orgB = await h().createOrg('casa-b');
    await h().createAccount({ org: 'casa-a', email: 'admin@a.example', role: 'admin' });
    await h().createAccount({ org: 'casa-a', email: 'doc@a.example', role: 'documentation_officer' });
    await h().createAccount({ org: 'casa-b', email: 'doc@b.example', role: 'documentation_officer' });
    admin = await h().login('admin@a.example');
    docA = await h().login('doc@a.example');
    docB = await h().login('doc@b.example');
    await recordIncident(docA, { date: '2026-10-05', state: '07', acts: [['extortion', 'inm', 8]] });
    await recordIncident(docA, {
      date: '2026-10-06',
      state: '07',
      acts: [['extortion', 'inm', 6]],
      confidentiality: 'shareable',
    });
    await recordIncident(docB, { date: '2026-10-07', state: '30', acts: [['robbery', 'organised_crime', 7]] });
  });

  it('never counts an incident under restricted confidentiality', async () => {
    const before = await total('incidents.acts', [orgA, orgB]);
    assert.equal(before, 21);
    await recordIncident(docA, {
      date: '2026-10-14',
      state: '26',
      acts: [['death', 'prosecutors_mx', 1]],
      confidentiality: 'restricted',
    });
    assert.equal(await total('incidents.acts', [orgA, orgB], false), 22, 'the organisation still counts it');
    assert.equal(await total('incidents.acts', [orgA, orgB]), 21);
    const preview = await admin.post('/api/stats/releases/preview', {
      title: 'Prueba',
      periodFrom: '2026-10',
      periodTo: '2026-10',
      tables: ['incidents.acts'],
      orgIds: [orgA, orgB],
    });
    assert.equal(preview.statusCode, 200, preview.body);
    const table = (preview.json() as ReleaseDocument).tables[0]!;
    const json = JSON.stringify(table);
    for (const absent of ['"death"', 'prosecutors', 'MX26']) assert.ok(!json.includes(absent), absent);
  });

  it('leaves out the levels an organisation chooses', async () => {
    const put = await admin.put('/api/stats/participation', { excludeLevels: ['shareable'] });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual((await admin.get('/api/stats/participation')).json(), { excludeLevels: ['shareable'] });
    assert.equal(await total('incidents.acts', [orgA, orgB]), 15);
    assert.equal((await docA.put('/api/stats/participation', { excludeLevels: [] })).statusCode, 403);
    await admin.put('/api/stats/participation', { excludeLevels: [] });
    assert.equal(await total('incidents.acts', [orgA, orgB]), 21);
  });

  it('counts only the organisations taking part', async () => {
    assert.equal(await total('incidents.acts', [orgA]), 14);
    assert.equal(await total('incidents.acts', [orgB]), 7);
  });

  it('leaves out people who withdrew their consent to statistics, from then on', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await admin.post('/api/people', {
        givenNames: `P${i}`,
        surnames: 'Prueba',
        sex: 'F',
        nationality: 'GT',
        estimatedAge: 30,
      });
      assert.equal(r.statusCode, 201, r.body);
      ids.push((r.json() as { id: string }).id);
    }
    await h().ctx.db.query("UPDATE people SET created_at = '2026-10-10T18:00:00Z'");
    assert.equal(await total('people.registered', [orgA]), 6);
    const consent = async (id: string) =>
      (
        (await admin.post(`/api/people/${id}/consents`, { purpose: 'statistics', method: 'signed' })).json() as {
          id: string;
        }
      ).id;
    const withdraw = async (id: string, consentId: string) =>
      assert.equal((await admin.post(`/api/people/${id}/consents/${consentId}/withdraw`, {})).statusCode, 204);
    await withdraw(ids[0]!, await consent(ids[0]!));
    assert.equal(await total('people.registered', [orgA]), 5);
    // Consent given again after a withdrawal counts the person again.
    await withdraw(ids[1]!, await consent(ids[1]!));
    await consent(ids[1]!);
    assert.equal(await total('people.registered', [orgA]), 5);
    // Acts whose linked victim withdrew are not counted either.
    const event = await recordIncident(docA, { date: '2026-10-20', state: '07', acts: [['robbery', 'inm', 2]] });
    assert.equal(await total('incidents.acts', [orgA]), 16);
    const linked = await admin.post(`/api/incidents/${event}/victims`, {
      personId: ids[0],
      consent: { method: 'signed' },
    });
    assert.equal(linked.statusCode, 201, linked.body);
    {
      const { rows } = await h().ctx.db.query<{ id: string }>(
        'SELECT id::text AS id FROM incident_victims WHERE person_id = $1',
        [ids[0]],
      );
      const { rows: acts } = await h().ctx.db.query<{ id: string }>(
        'SELECT id::text AS id FROM incident_acts WHERE event_id = $1',
        [event],
      );
      for (const a of acts)
        await h().ctx.db.query('INSERT INTO incident_act_victims (act_id, victim_id) VALUES ($1, $2)', [
          a.id,
          rows[0]!.id,
        ]);
      assert.equal(await total('incidents.acts', [orgA]), 14);
    }
  });
});
