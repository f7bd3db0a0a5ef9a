// Journey 1 of USER-JOURNEYS.md, the screening part: Dania fears a gang back home, and her son
// has asthma with no inhaler left. The answers are stored encrypted with the questionnaire
// version, and the flags explain themselves.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

describeOnBothDatabases('screening', (h) => {
  let worker: ApiClient;
  let personId: string;
  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    worker = await h().login('cw@albergue.example');
    personId = (
      (
        await worker.post('/api/people', { givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F', nationality: 'HN' })
      ).json() as { id: string }
    ).id;
  });

  it('flags international protection needs, with the reason and the suggested COMAR task', async () => {
    const response = await worker.post(`/api/people/${personId}/screenings`, {
      questionnaireId: 'international_protection',
      answers: { fear_of_return: true, fear_reasons: ['gang_threats'], days_in_mexico: 1 },
    });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json() as {
      questionnaireVersion: number;
      maxSeverity: string;
      flags: { flag: string; suggestedTasks: string[]; explanation: { es: string } }[];
    };
    assert.equal(body.questionnaireVersion, 1);
    assert.equal(body.maxSeverity, 'urgent');
    assert.deepEqual(
      body.flags.map((f) => f.flag),
      ['international_protection_needs'],
    );
    assert.ok(body.flags[0]?.suggestedTasks.includes('comar_application'));
  });

  it('keeps answers and flags encrypted, and lists them back to the caseworker', async () => {
    const { rows } = await h().ctx.db.query<{ dump: string }>('SELECT row_to_json(s)::text AS dump FROM screenings s');
    for (const row of rows) assert.doesNotMatch(row.dump, /gang_threats|international_protection_needs|fear_of_return/);
    const list = (await worker.get(`/api/people/${personId}/screenings`)).json() as {
      items: { answers: Record<string, unknown> }[];
    };
    assert.deepEqual(list.items[0]?.answers.fear_reasons, ['gang_threats']);
  });

  it('names the question of a bad answer, in the request language, and stores nothing', async () => {
    const response = await worker.post(
      `/api/people/${personId}/screenings`,
      { questionnaireId: 'medical_urgency', answers: { danger_signs: ['headache'] } },
      { 'accept-language': 'en' },
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      code: 'screening.unknown_choice',
      message: 'The answer to "danger_signs" is not one of the choices.',
      field: 'answers.danger_signs',
    });
    const { rows } = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM screenings WHERE questionnaire_id = 'medical_urgency'",
    );
    assert.equal(Number(rows[0]?.n), 0);
  });

  it('refuses another organisation, and an analyst', async () => {
    await h().createAccount({ org: 'ajena', email: 'otra@ajena.example', role: 'caseworker' });
    const stranger = await h().login('otra@ajena.example');
    assert.equal((await stranger.get(`/api/people/${personId}/screenings`)).statusCode, 404);
    await h().createAccount({ org: 'albergue', email: 'analista@albergue.example', role: 'analyst' });
    const analyst = await h().login('analista@albergue.example');
    assert.equal((await analyst.get(`/api/people/${personId}/screenings`)).statusCode, 403);
  });

  it('alerts the coordinators (child-protection focal point) when an unaccompanied child is screened', async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    const child = (
      (
        await worker.post('/api/people', {
          givenNames: 'Kevin',
          surnames: 'Alvarenga',
          sex: 'M',
          nationality: 'HN',
          estimatedAge: 15,
        })
      ).json() as { id: string }
    ).id;
    const response = await worker.post(`/api/people/${child}/screenings`, {
      questionnaireId: 'child_best_interests',
      answers: { travels_with_parent: false },
      profile: ['child', 'unaccompanied_child'],
    });
    assert.equal(response.statusCode, 201, response.body);
    const { rows } = await h().ctx.db.query<{ email: string; kind: string }>(
      'SELECT a.email, n.kind FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.record_id = $1',
      [child],
    );
    assert.deepEqual(
      rows.map((r) => `${r.email} ${r.kind}`),
      ['coord@albergue.example screening.child_protection'],
    );
    // An adult's screening alerts nobody.
    const before = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM notifications');
    await worker.post(`/api/people/${personId}/screenings`, {
      questionnaireId: 'medical_urgency',
      answers: { needs_care_now: true },
    });
    const after = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM notifications');
    assert.equal(Number(after.rows[0]?.n), Number(before.rows[0]?.n));
  });
});
