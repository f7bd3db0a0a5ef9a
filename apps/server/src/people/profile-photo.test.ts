// The differentiated profile through the API: encrypted at rest, version-checked, filtering
// lists in SQL, producing the intake plan, alerting the child-protection focal point once; and
// the person's photo: encrypted, type-checked by its bytes, size-limited, served to readers only.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { rotateOrgDataKey } from '../kernel/crypto/key-rotation.ts';

interface Profile {
  recorded: string[];
  derived: string[];
  effective: string[];
  ageDisputed: boolean;
}
interface PersonBody {
  id: string;
  version: number;
  profile?: Profile;
  photo?: { contentType: string; sizeBytes: number };
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR-fake-png-body-with-some-bytes'),
]);
const thisYear = new Date().getUTCFullYear();

describeOnBothDatabases('differentiated profile and photo', (h) => {
  let worker: ApiClient;
  let childId: string;
  let adultId: string;
  const person = async (body: object) => {
    const created = await worker.post('/api/people', body);
    assert.equal(created.statusCode, 201, created.body);
    return created.json() as PersonBody;
  };
  const readPerson = async (id: string) => (await worker.get(`/api/people/${id}`)).json() as PersonBody;

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'albergue', email: 'admin@albergue.example', role: 'admin' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    worker = await h().login('cw@albergue.example');
    childId = (
      await person({ givenNames: 'Brayan', surnames: 'Alvarado', sex: 'M', estimatedAge: 14, nationality: 'HN' })
    ).id;
    adultId = (
      await person({ givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F', birthDate: '1990-04-02', nationality: 'HN' })
    ).id;
  });

  it('derives child and woman from the record, before anything is recorded', async () => {
    assert.deepEqual((await readPerson(childId)).profile?.derived, ['child']);
    assert.deepEqual((await readPerson(adultId)).profile?.effective, ['woman']);
  });

  it('records an unaccompanied child, encrypted at rest, and alerts the coordinators and admins once', async () => {
    const put = await worker.put(`/api/people/${childId}/profile`, {
      version: 1,
      indicators: ['unaccompanied_child', 'indigenous'],
      notes: 'Llegó solo desde Choloma',
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual((put.json() as Profile).effective, ['child', 'unaccompanied_child', 'indigenous']);
    const { rows } = await h().ctx.db.query<{ profile: Uint8Array; profile_bi: string[] }>(
      'SELECT profile, profile_bi FROM people WHERE id = $1',
      [childId],
    );
    const bytes = Buffer.from(rows[0]?.profile ?? []);
    assert.ok(bytes.length > 0);
    for (const clear of ['unaccompanied', 'indigenous', 'Choloma'])
      assert.equal(bytes.includes(clear), false, `${clear} in clear`);
    assert.equal(rows[0]?.profile_bi.length, 2);
    assert.ok(!rows[0]?.profile_bi.some((k) => k.includes('unaccompanied')));
    // Saved again (with another indicator): still one alert per focal point.
    assert.equal(
      (
        await worker.put(`/api/people/${childId}/profile`, {
          version: 2,
          indicators: ['unaccompanied_child', 'indigenous', 'disability'],
        })
      ).statusCode,
      200,
    );
    const notes = await h().ctx.db.query<{ email: string }>(
      `SELECT a.email FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.record_id = $1 AND n.kind = 'profile.child_protection' ORDER BY a.email`,
      [childId],
    );
    assert.deepEqual(
      notes.rows.map((r) => r.email),
      ['admin@albergue.example', 'coord@albergue.example'],
    );
  });

  it('refuses a stale version with 409 naming what changed, and a derived indicator in the payload', async () => {
    const stale = await worker.put(`/api/people/${childId}/profile`, { version: 1, indicators: [] });
    assert.equal(stale.statusCode, 409);
    assert.equal((stale.json() as { code: string }).code, 'record.conflict');
    assert.match((stale.json() as { field: string }).field, /profile/);
    const derived = await worker.put(`/api/people/${childId}/profile`, { version: 3, indicators: ['child'] });
    assert.equal(derived.statusCode, 400);
  });

  it('gives an intake plan that requires the child best-interests screening and the best-interests steps', async () => {
    const response = await worker.get(`/api/people/${childId}/intake-plan`);
    assert.equal(response.statusCode, 200, response.body);
    const plan = response.json() as {
      questionnaires: { id: string; required: boolean }[];
      bestInterestsSteps: { key: string; legalBasis?: string }[];
      alerts: { key: string }[];
    };
    assert.equal(plan.questionnaires.find((q) => q.id === 'child_best_interests')?.required, true);
    assert.ok(
      plan.bestInterestsSteps.some(
        (s) => s.key === 'notify_child_protection_authority' && /art\. 112/.test(s.legalBasis ?? ''),
      ),
    );
    assert.ok(plan.bestInterestsSteps.some((s) => s.key === 'best_interests_assessment'));
    assert.equal(plan.alerts[0]?.key, 'unaccompanied_child');
    const adultPlan = (await worker.get(`/api/people/${adultId}/intake-plan`)).json() as typeof plan;
    assert.equal(
      adultPlan.questionnaires.some((q) => q.id === 'child_best_interests'),
      false,
    );
    assert.deepEqual(adultPlan.bestInterestsSteps, []);
  });

  it('uses the stored profile in a screening when the client sends none', async () => {
    const screening = await worker.post(`/api/people/${childId}/screenings`, {
      questionnaireId: 'child_best_interests',
      answers: { travels_with_parent: true },
    });
    assert.equal(screening.statusCode, 201, screening.body);
    assert.ok(
      (screening.json() as { flags: { flag: string }[] }).flags.some(
        (f) => f.flag === 'unaccompanied_or_separated_child',
      ),
    );
  });

  it('filters lists by indicator in SQL: recorded through the blind index, derived from the record', async () => {
    const ids = async (query: string) =>
      ((await worker.get(`/api/people?${query}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    assert.deepEqual(await ids('profile=unaccompanied_child'), [childId]);
    assert.deepEqual(await ids('profile=child'), [childId]);
    assert.deepEqual(await ids('profile=woman'), [adultId]);
    assert.deepEqual(await ids('profile=pregnant'), []);
    assert.deepEqual(await ids('profile=indigenous&q=Brayan'), [childId]);
    assert.equal((await worker.get('/api/people?profile=martian')).statusCode, 400);
  });

  it('keeps a photo encrypted, serves it back to readers only, and audits the view', async () => {
    const up = await worker.request({
      method: 'PUT',
      url: `/api/people/${adultId}/photo`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    });
    assert.equal(up.statusCode, 200, up.body);
    const { rows } = await h().ctx.db.query<{ content: Uint8Array }>(
      'SELECT content FROM person_photos WHERE person_id = $1',
      [adultId],
    );
    assert.equal(Buffer.from(rows[0]?.content ?? []).includes(Buffer.from('IHDR-fake')), false);
    assert.equal((await readPerson(adultId)).photo?.contentType, 'image/png');
    const back = await worker.get(`/api/people/${adultId}/photo`);
    assert.equal(back.statusCode, 200);
    assert.equal(back.headers['content-type'], 'image/png');
    assert.deepEqual(back.rawPayload, PNG);
    const audit = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'person.photo_read' AND record_id = $1",
      [adultId],
    );
    assert.equal(Number(audit.rows[0]?.n), 1);
    const outsider = await h().login('coord@otra.example');
    assert.equal((await outsider.get(`/api/people/${adultId}/photo`)).statusCode, 404);
  });

  it('rejects a photo that is not JPEG, PNG or WebP whatever it claims, and one that is too large', async () => {
    const pdf = await worker.request({
      method: 'PUT',
      url: `/api/people/${adultId}/photo`,
      payload: Buffer.from('%PDF-1.4 fake'),
      headers: { 'content-type': 'image/png' },
    });
    assert.equal(pdf.statusCode, 415);
    assert.equal((pdf.json() as { code: string }).code, 'people.photo_unsupported_type');
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const tooBig = await worker.request({
      method: 'PUT',
      url: `/api/people/${adultId}/photo`,
      payload: big,
      headers: { 'content-type': 'image/png', 'accept-language': 'en' },
    });
    assert.equal(tooBig.statusCode, 413);
    assert.equal((tooBig.json() as { code: string }).code, 'people.photo_too_large');
    assert.match((tooBig.json() as { message: string }).message, /limit is 5\.0 MB/);
    assert.equal((await worker.get(`/api/people/${adultId}/photo`)).statusCode, 200, 'the earlier photo is kept');
  });

  it('keeps the profile and the photo readable after the organisation key is rotated', async () => {
    const orgId = (
      await h().ctx.db.query<{ org_id: string }>('SELECT org_id::text AS org_id FROM people WHERE id = $1', [childId])
    ).rows[0]?.org_id as string;
    await rotateOrgDataKey(h().ctx.db, h().ctx.keyring, orgId);
    assert.deepEqual((await readPerson(childId)).profile?.recorded, [
      'unaccompanied_child',
      'indigenous',
      'disability',
    ]);
    assert.deepEqual((await worker.get(`/api/people/${adultId}/photo`)).rawPayload, PNG);
    assert.deepEqual(
      ((await worker.get('/api/people?profile=indigenous')).json() as { items: { id: string }[] }).items.map(
        (i) => i.id,
      ),
      [childId],
    );
  });

  it('derives older person from the birth year', async () => {
    const older = await person({
      givenNames: 'Anselmo',
      surnames: 'Tzul',
      sex: 'M',
      birthDate: `${thisYear - 70}-01-01`,
    });
    assert.deepEqual((await readPerson(older.id)).profile?.derived, ['older_person']);
  });
});
