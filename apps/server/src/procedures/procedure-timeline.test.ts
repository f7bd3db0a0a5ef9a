// The per-procedure timeline (issue 5, item 6): a lawyer sees what happened in a procedure and
// who did it — opened, the entry date set and its deadline, the filing done, the stage moved —
// read from the audit log, oldest first, with no personal data in it.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';

interface Item {
  kind: string;
  by: string | null;
  stepKey?: string;
  dueDate?: string | null;
  completedOn?: string;
  from?: string | null;
  to?: string | null;
}

describeOnBothDatabases('procedure timeline', (h) => {
  let lawyer: ApiClient;
  let procedureId: string;

  before(async () => {
    h().clock.now = new Date('2025-04-16T15:00:00Z');
    const orgId = await h().createOrg('clinica-linea');
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'abogada@linea.example',
      password: TEST_PASSWORD,
      role: 'lawyer',
      displayName: 'Lic. Linea',
      totpExempt: true,
      teams: ['Asilo'],
    });
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'otra@linea.example',
      password: TEST_PASSWORD,
      role: 'lawyer',
      totpExempt: true,
      teams: ['Otro'],
    });
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'cw@linea.example',
      password: TEST_PASSWORD,
      role: 'caseworker',
      totpExempt: true,
      teams: ['Asilo'],
    });
    const caseworker = await h().login('cw@linea.example');
    const personId = (
      (await caseworker.post('/api/people', { givenNames: 'Dania', surnames: 'Maradiaga' })).json() as { id: string }
    ).id;
    lawyer = await h().login('abogada@linea.example');
    const opened = (await lawyer.post('/api/procedures', { personId, type: 'mx.comar.refugee_status' })).json() as {
      id: string;
      version: number;
    };
    procedureId = opened.id;
    assert.equal(
      (await lawyer.put(`/api/procedures/${procedureId}/steps/application`, { trigger: '2025-03-10' })).statusCode,
      200,
    );
    assert.equal(
      (await lawyer.post(`/api/procedures/${procedureId}/steps/application/complete`, { completedOn: '2025-04-15' }))
        .statusCode,
      200,
    );
    const moved = await lawyer.put(`/api/procedures/${procedureId}/stage`, { stage: 'filed', version: opened.version });
    assert.equal(moved.statusCode, 200, moved.body);
  });

  it('lists what happened, oldest first, with who did it', async () => {
    const response = await lawyer.get(`/api/procedures/${procedureId}/timeline`);
    assert.equal(response.statusCode, 200, response.body);
    const items = (response.json() as { items: Item[] }).items;
    assert.deepEqual(
      items.map((i) => i.kind),
      ['opened', 'step_set', 'step_done', 'stage_changed'],
    );
    assert.ok(items.every((i) => i.by === 'Lic. Linea'));
    assert.equal(items[1]?.stepKey, 'application');
    assert.equal(items[1]?.dueDate, '2025-04-22');
    assert.equal(items[2]?.completedOn, '2025-04-15');
    assert.deepEqual([items[3]?.from, items[3]?.to], ['preparing', 'filed']);
    assert.doesNotMatch(response.body, /Dania|Maradiaga/);
  });

  it('is refused to a lawyer of another team and invisible to another organisation', async () => {
    assert.equal(
      (await (await h().login('otra@linea.example')).get(`/api/procedures/${procedureId}/timeline`)).statusCode,
      403,
    );
    await h().createAccount({ org: 'otra-org', email: 'x@otra-org.example', role: 'lawyer' });
    assert.equal(
      (await (await h().login('x@otra-org.example')).get(`/api/procedures/${procedureId}/timeline`)).statusCode,
      404,
    );
  });
});
