// Hearing dates with court and judge (issue 5, item 6): a defensive-asylum procedure opened today
// gets version 2 of the type, whose master and individual hearings are steps of their own; the
// court and judge are stored with the date, shown on the procedure and the date is on the agenda.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { findProcedureType } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';

interface View {
  id: string;
  typeVersion: number;
  steps: { key: string; dueDate: string | null; details: Record<string, string> | null }[];
}

describeOnBothDatabases('hearings with court and judge', (h) => {
  let lawyer: ApiClient;
  let personId: string;

  before(async () => {
    h().clock.now = new Date('2025-04-16T15:00:00Z');
    const orgId = await h().createOrg('audiencias');
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'abogado@audiencias.example',
      password: TEST_PASSWORD,
      role: 'lawyer',
      totpExempt: true,
      teams: ['Asilo'],
    });
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'cw@audiencias.example',
      password: TEST_PASSWORD,
      role: 'caseworker',
      totpExempt: true,
      teams: ['Asilo'],
    });
    const caseworker = await h().login('cw@audiencias.example');
    personId = (
      (
        await caseworker.post('/api/people', { givenNames: 'Luis', surnames: 'Pérez', sex: 'M', nationality: 'GT' })
      ).json() as { id: string }
    ).id;
    lawyer = await h().login('abogado@audiencias.example');
  });

  it('records the master hearing with its court and judge, and the filing deadline before it', async () => {
    const opened = (await lawyer.post('/api/procedures', { personId, type: 'us.asylum.defensive' })).json() as View;
    assert.equal(opened.typeVersion, 2);
    const details = { court: 'Immigration Court, San Diego', judge: 'IJ R. Alvarez' };
    const set = await lawyer.put(`/api/procedures/${opened.id}/steps/master_hearing`, {
      trigger: '2025-06-10',
      details,
    });
    assert.equal(set.statusCode, 200, set.body);
    const hearing = (set.json() as View).steps.find((s) => s.key === 'master_hearing');
    assert.deepEqual({ due: hearing?.dueDate, details: hearing?.details }, { due: '2025-06-10', details });
    // Filings are due 15 days before the master hearing, counted backwards: 26 May 2025 is Memorial
    // Day, so the deadline moves back to Friday 23 May.
    const filings = await lawyer.put(`/api/procedures/${opened.id}/steps/master_filings`, {
      trigger: '2025-06-10',
      details,
    });
    assert.equal((filings.json() as View).steps.find((s) => s.key === 'master_filings')?.dueDate, '2025-05-23');
    const agenda = (await lawyer.get('/api/agenda')).json() as { upcoming: { stepKey: string; dueDate: string }[] };
    assert.deepEqual(
      agenda.upcoming.map((i) => [i.stepKey, i.dueDate]),
      [
        ['master_filings', '2025-05-23'],
        ['master_hearing', '2025-06-10'],
      ],
    );
  });

  it('refuses unknown detail fields', async () => {
    const opened = (await lawyer.post('/api/procedures', { personId, type: 'us.mpp' })).json() as View;
    assert.equal(
      (
        await lawyer.put(`/api/procedures/${opened.id}/steps/hearing`, {
          trigger: '2025-06-10',
          details: { name: 'Luis' },
        })
      ).statusCode,
      400,
    );
  });

  it('an open step computed under an earlier version of its rule says a newer one is in force and what changed', async () => {
    const opened = (await lawyer.post('/api/procedures', { personId, type: 'mx.tfja.nulidad' })).json() as View;
    // Notice served before the 2016 reform: the 45-working-day version applies to this step.
    const set = await lawyer.put(`/api/procedures/${opened.id}/steps/filing`, { trigger: '2016-06-01' });
    assert.equal(set.statusCode, 200, set.body);
    const step = (
      set.json() as {
        steps: {
          key: string;
          ruleVersion: number;
          newerRuleVersion: number | null;
          newerRuleChange: { es: string } | null;
        }[];
      }
    ).steps.find((s) => s.key === 'filing');
    assert.deepEqual({ v: step?.ruleVersion, newer: step?.newerRuleVersion }, { v: 1, newer: 2 });
    assert.match(step?.newerRuleChange?.es ?? '', /de 45 a 30 días hábiles/);
  });

  it('keeps procedures opened under version 1 on version 1', () => {
    assert.ok(findProcedureType('us.asylum.defensive', 1)?.steps.every((s) => s.key !== 'master_hearing'));
    assert.deepEqual(findProcedureType('us.mpp')?.steps.find((s) => s.key === 'hearing')?.details, [
      'court',
      'judge',
      'place',
    ]);
  });
});
