// Journey 2 of USER-JOURNEYS.md: a COMAR application on time. The lawyer opens the procedure,
// enters the entry date, sees the deadline with the article cited, finds it on her agenda and in
// her phone's calendar, and an authority's declared holiday moves it with an explanation.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { AT_RISK_WORKING_DAYS } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';

interface StepView {
  key: string;
  dueDate: string | null;
  status: string | null;
  explanation: { es: string; en: string } | null;
  legalBasis: string | null;
  ruleVersion: number | null;
  previousDueDate: string | null;
  changeNote: string | null;
  completedOn: string | null;
}
interface ProcedureView {
  id: string;
  version: number;
  stage: string;
  steps: StepView[];
}

describeOnBothDatabases('procedures and deadlines', (h) => {
  let lawyer: ApiClient;
  let procedure: ProcedureView;
  let personId: string;

  before(async () => {
    // Wednesday 16 April 2025, 9:00 in Tapachula.
    h().clock.now = new Date('2025-04-16T15:00:00Z');
    const orgId = await h().createOrg('clinica-sur');
    for (const [email, role] of [
      ['abogada@sur.example', 'lawyer'],
      ['cw@sur.example', 'caseworker'],
    ] as const) {
      await h().ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Asilo'],
      });
    }
    const caseworker = await h().login('cw@sur.example');
    const person = await caseworker.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      nationality: 'HN',
    });
    assert.equal(person.statusCode, 201, person.body);
    personId = (person.json() as { id: string }).id;
    lawyer = await h().login('abogada@sur.example');
  });

  it('opens a COMAR procedure on the person and computes 30 working days from the day after entry', async () => {
    const opened = await lawyer.post('/api/procedures', { personId, type: 'mx.comar.refugee_status' });
    assert.equal(opened.statusCode, 201, opened.body);
    procedure = opened.json() as ProcedureView;
    const set = await lawyer.put(`/api/procedures/${procedure.id}/steps/application`, { trigger: '2025-03-10' });
    assert.equal(set.statusCode, 200, set.body);
    const step = (set.json() as ProcedureView).steps.find((s) => s.key === 'application');
    assert.equal(step?.dueDate, '2025-04-22');
    assert.equal(step?.legalBasis, 'LRPCAP art. 18');
    assert.match(step?.explanation?.es ?? '', /30 días hábiles/);
    assert.equal(step?.ruleVersion, 1);
    // 17, 18, 21 and 22 April are left: four working days, so it is at risk, and the API says by
    // which part of the engine's rule (its own threshold), for the words beside the status.
    assert.equal(step?.status, 'at_risk');
    assert.deepEqual((step as { atRisk?: unknown }).atRisk, { rule: 'working_days', limit: AT_RISK_WORKING_DAYS });
  });

  it("shows the deadline on the lawyer's agenda as due this week", async () => {
    const agenda = (await lawyer.get('/api/agenda')).json() as {
      today: string;
      dueThisWeek: { stepKey: string; dueDate: string; atRisk: unknown }[];
    };
    assert.equal(agenda.today, '2025-04-16');
    assert.deepEqual(agenda.dueThisWeek[0]?.atRisk, { rule: 'working_days', limit: AT_RISK_WORKING_DAYS });
    assert.deepEqual(
      agenda.dueThisWeek.map((i) => [i.stepKey, i.dueDate]),
      [['application', '2025-04-22']],
    );
  });

  it('publishes the deadline in a secret iCal feed without the person’s name, and revokes it', async () => {
    const { url } = (await lawyer.post('/api/agenda/feed')).json() as { url: string };
    const feed = await h().app.inject({ method: 'GET', url });
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /text\/calendar/);
    assert.match(feed.body, /DTSTART;VALUE=DATE:20250422/);
    assert.doesNotMatch(feed.body, /Dania|Maradiaga/);
    assert.equal((await lawyer.request({ method: 'DELETE', url: '/api/agenda/feed' })).statusCode, 204);
    assert.equal((await h().app.inject({ method: 'GET', url })).statusCode, 404);
  });

  it('moves an open deadline when an authority declares Holy Thursday and Friday non-working, and says why', async () => {
    const admin = h().ctx.accounts;
    const orgId = (
      await h().ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'clinica-sur'")
    ).rows[0]?.id as string;
    await admin.createAccount({
      orgId,
      email: 'admin@sur.example',
      password: TEST_PASSWORD,
      role: 'admin',
      totpExempt: true,
    });
    const adminClient = await h().login('admin@sur.example');
    for (const date of ['2025-04-17', '2025-04-18']) {
      const response = await adminClient.post('/api/calendars/mx-federal-admin/declared-days', {
        date,
        reasonEs: 'Semana Santa (acuerdo de suspensión de labores)',
        reasonEn: 'Holy Week (suspension agreement)',
        source: 'DOF acuerdo de prueba (sintético)',
      });
      assert.equal(response.statusCode, 200, response.body);
    }
    const step = ((await lawyer.get(`/api/procedures/${procedure.id}`)).json() as ProcedureView).steps.find(
      (s) => s.key === 'application',
    );
    assert.equal(step?.dueDate, '2025-04-24');
    assert.equal(step?.previousDueDate, '2025-04-23');
    assert.match(step?.changeNote ?? '', /Semana Santa/);
    const refused = await lawyer.post('/api/calendars/mx-federal-admin/declared-days', {
      date: '2025-05-02',
      reasonEs: 'x x x',
      reasonEn: 'x x x',
      source: 'nothing',
    });
    assert.equal(refused.statusCode, 403);
  });

  it('takes the step off the agenda once it is filed', async () => {
    const done = await lawyer.post(`/api/procedures/${procedure.id}/steps/application/complete`, {
      completedOn: '2025-04-21',
    });
    assert.equal(done.statusCode, 200);
    const step = (done.json() as ProcedureView).steps.find((s) => s.key === 'application');
    assert.equal(step?.status, 'met');
    const agenda = (await lawyer.get('/api/agenda')).json() as { dueThisWeek: unknown[]; overdue: unknown[] };
    assert.equal(agenda.dueThisWeek.length + agenda.overdue.length, 0);
  });

  it('refuses an impossible date, and a year the calendars do not cover, naming the field', async () => {
    const bad = await lawyer.put(
      `/api/procedures/${procedure.id}/steps/resolution`,
      { trigger: '2025-02-30' },
      { 'accept-language': 'es' },
    );
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      [(bad.json() as { code: string }).code, (bad.json() as { field: string }).field],
      ['procedures.invalid_trigger', 'trigger'],
    );
    const far = await lawyer.put(
      `/api/procedures/${procedure.id}/steps/resolution`,
      { trigger: '2061-01-10' },
      { 'accept-language': 'en' },
    );
    assert.equal(far.statusCode, 422);
    assert.match((far.json() as { message: string }).message, /no data for year 2061/);
  });

  it('refuses unknown types and steps, stale stage changes, and other organisations’ procedures', async () => {
    assert.equal((await lawyer.post('/api/procedures', { personId, type: 'mx.nothing' })).statusCode, 400);
    assert.equal(
      (await lawyer.put(`/api/procedures/${procedure.id}/steps/nope`, { trigger: '2025-03-10' })).statusCode,
      404,
    );
    const moved = await lawyer.put(`/api/procedures/${procedure.id}/stage`, {
      stage: 'filed',
      version: procedure.version,
    });
    assert.equal(moved.statusCode, 200);
    const stale = await lawyer.put(`/api/procedures/${procedure.id}/stage`, {
      stage: 'admitted',
      version: procedure.version,
    });
    assert.equal(stale.statusCode, 409);
    await h().createAccount({ org: 'otra-org', email: 'otra@otra.example', role: 'admin' });
    const stranger = await h().login('otra@otra.example');
    assert.equal((await stranger.get(`/api/procedures/${procedure.id}`)).statusCode, 404);
  });

  it('computes a BIA appeal in calendar days, rolled past Thanksgiving', async () => {
    const opened = (
      await lawyer.post('/api/procedures', { personId, type: 'us.asylum.defensive' })
    ).json() as ProcedureView;
    const set = (
      await lawyer.put(`/api/procedures/${opened.id}/steps/bia_appeal`, { trigger: '2025-10-28' })
    ).json() as ProcedureView;
    assert.equal(set.steps.find((s) => s.key === 'bia_appeal')?.dueDate, '2025-11-28');
  });
});
