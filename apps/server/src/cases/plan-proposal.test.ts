// The case plan proposed at intake: the rules (international protection → COMAR application;
// medical follow-up or a chronic illness → clinic referral; an unaccompanied child → the
// best-interests steps, which cannot be left out), sorted by due date; and the case opened with
// the plan as the caseworker edited it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { proposePlan } from './plan-proposal.ts';

const explanation = { es: 'x', en: 'x' };
const keys = (p: ReturnType<typeof proposePlan>) => p.tasks.map((t) => t.key);

describe('plan proposal rules', () => {
  it('turns international protection into a COMAR application and medical follow-up into a clinic referral', () => {
    const plan = proposePlan({
      flags: [
        {
          flag: 'international_protection_needs',
          suggestedTasks: ['legal_orientation', 'comar_application'],
          explanation,
        },
        { flag: 'medical_follow_up', suggestedTasks: ['clinic_referral'], explanation },
      ],
      profile: ['woman'],
      today: '2026-12-07',
    });
    assert.deepEqual(keys(plan), ['legal_orientation', 'clinic_referral', 'comar_application']);
    assert.deepEqual(
      plan.tasks.map((t) => t.dueOn),
      ['2026-12-14', '2026-12-14', '2026-12-21'],
    );
    assert.ok(plan.tasks.every((t) => !t.required));
  });

  it('proposes a clinic referral from a chronic illness alone, once, with both reasons', () => {
    const plan = proposePlan({
      flags: [{ flag: 'medical_follow_up', suggestedTasks: ['clinic_referral'], explanation }],
      profile: ['child', 'chronic_illness'],
      today: '2026-12-07',
    });
    assert.deepEqual(keys(plan), ['clinic_referral']);
    assert.equal(plan.tasks[0]?.reasons.length, 2);
    assert.deepEqual(keys(proposePlan({ flags: [], profile: ['chronic_illness'], today: '2026-12-07' })), [
      'clinic_referral',
    ]);
  });

  it('starts an unaccompanied child with the required best-interests steps, soonest first', () => {
    const plan = proposePlan({ flags: [], profile: ['child', 'unaccompanied_child'], today: '2026-12-07' });
    assert.deepEqual(keys(plan), [
      'notify_child_protection_authority',
      'safe_accommodation',
      'best_interests_assessment',
      'family_tracing',
    ]);
    assert.ok(plan.tasks.every((t) => t.required && t.source === 'best_interests'));
  });

  it('proposes nothing for a person without flags or indicators', () => {
    assert.deepEqual(proposePlan({ flags: [], profile: ['woman'], today: '2026-12-07' }).tasks, []);
  });
});

describeOnBothDatabases('plan proposal and the accepted plan', (h) => {
  let cw: ApiClient;
  let dania: string;
  let child: string;

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    cw = await h().login('cw@albergue.example');
    dania = (
      (
        await cw.post('/api/people', { givenNames: 'Dania', surnames: 'Prueba', sex: 'F', estimatedAge: 27 })
      ).json() as {
        id: string;
      }
    ).id;
    const screened = await cw.post(`/api/people/${dania}/screenings`, {
      questionnaireId: 'international_protection',
      answers: { fear_of_return: true, fear_reasons: ['gang_threats'], harmed_before: true, days_in_mexico: 2 },
    });
    assert.equal(screened.statusCode, 201, screened.body);
    const medical = await cw.post(`/api/people/${dania}/screenings`, {
      questionnaireId: 'medical_urgency',
      answers: { needs_care_now: true },
    });
    assert.equal(medical.statusCode, 201, medical.body);
    child = (
      (await cw.post('/api/people', { givenNames: 'Niño', surnames: 'Solo', estimatedAge: 15 })).json() as {
        id: string;
      }
    ).id;
    const profile = await cw.put(`/api/people/${child}/profile`, { version: 1, indicators: ['unaccompanied_child'] });
    assert.equal(profile.statusCode, 200, profile.body);
  });

  it("proposes COMAR and the clinic from Dania's screenings, by due date, and audits the read", async () => {
    const response = await cw.get(`/api/people/${dania}/plan-proposal`);
    assert.equal(response.statusCode, 200, response.body);
    const tasks = (response.json() as { tasks: { key: string; dueOn: string; reasons: { es: string }[] }[] }).tasks;
    assert.deepEqual(
      tasks.map((t) => t.key),
      ['legal_orientation', 'clinic_referral', 'comar_application'],
    );
    assert.match(tasks[2]?.reasons[0]?.es ?? '', /miedo de regresar/);
    const audit = await h().ctx.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'case.plan_proposal_read' AND record_id = $1",
      [dania],
    );
    assert.equal(audit.rows.length, 1);
  });

  it('opens the case with the plan as edited (a task left out, a date moved), tasks sorted by due date', async () => {
    const opened = await cw.post('/api/cases', {
      personId: dania,
      plan: [
        { key: 'comar_application', dueOn: '2030-01-10' },
        { key: 'clinic_referral', dueOn: '2030-01-03' },
      ],
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const tasks = (opened.json() as { tasks: { key: string; dueOn: string }[] }).tasks;
    assert.deepEqual(
      tasks.map((t) => [t.key, t.dueOn]),
      [
        ['clinic_referral', '2030-01-03'],
        ['comar_application', '2030-01-10'],
      ],
    );
  });

  it("keeps a child's best-interests steps even when the edited plan leaves them out", async () => {
    const proposal = (await cw.get(`/api/people/${child}/plan-proposal`)).json() as {
      tasks: { key: string; required: boolean }[];
    };
    assert.ok(proposal.tasks.some((t) => t.key === 'best_interests_assessment' && t.required));
    const opened = await cw.post('/api/cases', { personId: child, plan: [] });
    assert.equal(opened.statusCode, 201, opened.body);
    const tasks = (opened.json() as { tasks: { key: string }[] }).tasks.map((t) => t.key);
    assert.equal(tasks.length, 4);
    assert.ok(tasks.includes('best_interests_assessment'));
  });

  it('refuses a task that is not in the catalogue, at its field', async () => {
    const response = await cw.post('/api/cases', { personId: dania, plan: [{ key: 'nonsense', dueOn: '2030-01-01' }] });
    assert.equal(response.statusCode, 400);
    assert.equal((response.json() as { field: string }).field, 'plan.0.key');
  });
});
