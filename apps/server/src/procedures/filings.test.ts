// Journey 2: recording a COMAR filing with its date and receipt moves the step and the stage, can
// be undone for a short while (audited, the receipt dropped), and the lawyer's iCal feed reminds
// her 7, 3 and 1 days before every open deadline (read by parsing the feed, not by matching text).
import { createHash } from 'node:crypto';
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { FILING_UNDO_MINUTES } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { parseIcal, alarmFiresAt } from './ical-parse.test-kit.ts';

interface Step {
  key: string;
  completedOn: string | null;
  status: string | null;
  filing?: { id: string; filedOn: string; receiptSha256: string; receiptName: string; undoUntil: string | null } | null;
}
interface Procedure {
  id: string;
  stage: string;
  version: number;
  steps: Step[];
}

const receipt = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 9),
]);
const sha = createHash('sha256').update(receipt).digest('hex');

describeOnBothDatabases('procedure filings and calendar reminders', (h) => {
  let lawyer: ApiClient;
  let procedure: Procedure;
  const application = (p: Procedure) => p.steps.find((s) => s.key === 'application') as Step;
  const file = (filedOn: string, body: Buffer = receipt, name = 'acuse-comar.jpg') =>
    lawyer.request({
      method: 'POST',
      url: `/api/procedures/${procedure.id}/steps/application/filing?filedOn=${filedOn}`,
      payload: body,
      headers: { 'content-type': 'image/jpeg', 'x-file-name': name },
    });
  const actions = async () =>
    (
      await h().ctx.db.query<{ action: string; details: Record<string, unknown> }>(
        "SELECT action, details FROM audit_log WHERE record_id = $1 AND action IN ('procedure.filed', 'procedure.filing_undone') ORDER BY seq",
        [procedure.id],
      )
    ).rows;

  before(async () => {
    // Wednesday 16 April 2025, 9:00 in Tapachula.
    h().clock.now = new Date('2025-04-16T15:00:00Z');
    const orgId = await h().createOrg('albergue-filings');
    for (const [email, role] of [
      ['abogada@filings.example', 'lawyer'],
      ['cw@filings.example', 'caseworker'],
    ] as const)
      await h().ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Asilo'],
      });
    const caseworker = await h().login('cw@filings.example');
    lawyer = await h().login('abogada@filings.example');
    const person = await caseworker.post('/api/people', { givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F' });
    assert.equal(person.statusCode, 201, person.body);
    const opened = await lawyer.post('/api/procedures', {
      personId: (person.json() as { id: string }).id,
      type: 'mx.comar.refugee_status',
    });
    procedure = opened.json() as Procedure;
    const set = await lawyer.put(`/api/procedures/${procedure.id}/steps/application`, { trigger: '2025-03-10' });
    assert.equal(set.statusCode, 200, set.body);
    procedure = set.json() as Procedure;
  });

  it('reminds 7, 3 and 1 days before the deadline in the iCal feed, at 9:00 of those days', async () => {
    const { url } = (await lawyer.post('/api/agenda/feed')).json() as { url: string };
    const feed = await h().app.inject({ method: 'GET', url });
    assert.equal(feed.statusCode, 200);
    const calendar = parseIcal(feed.body);
    const event = calendar.events.find((e) => e.props.UID?.startsWith(`${procedure.id}-application`));
    assert.ok(event, 'the open COMAR application is in the feed');
    assert.equal(event.props['DTSTART;VALUE=DATE'], '20250422');
    assert.equal(event.alarms.length, 3);
    for (const alarm of event.alarms) assert.equal(alarm.ACTION, 'DISPLAY');
    assert.deepEqual(
      event.alarms.map((a) => alarmFiresAt('20250422', a.TRIGGER ?? '')),
      ['2025-04-15T09:00', '2025-04-19T09:00', '2025-04-21T09:00'],
    );
    assert.match(event.alarms[0]?.DESCRIPTION ?? '', /^En 7 días: Solicitud de refugio/);
  });

  it('asks for the receipt and a filing date that has come', async () => {
    const empty = await file('2025-04-15', Buffer.alloc(0));
    assert.equal(empty.statusCode, 400, empty.body);
    assert.equal((empty.json() as { field?: string }).field, 'receipt');
    const future = await file('2025-04-17');
    assert.equal(future.statusCode, 400, future.body);
    assert.deepEqual(
      [(future.json() as { code: string }).code, (future.json() as { field?: string }).field],
      ['procedures.filing_in_future', 'filedOn'],
    );
    const notAFiling = await lawyer.request({
      method: 'POST',
      url: `/api/procedures/${procedure.id}/steps/interview/filing?filedOn=2025-04-15`,
      payload: receipt,
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'a.jpg' },
    });
    assert.equal((notAFiling.json() as { code: string }).code, 'procedures.not_a_filing');
    assert.deepEqual(await actions(), []);
  });

  it('records the filing: the step is met on the filing date, the stage is "filed", the receipt is kept', async () => {
    const filed = await file('2025-04-15');
    assert.equal(filed.statusCode, 201, filed.body);
    procedure = filed.json() as Procedure;
    const step = application(procedure);
    assert.equal(procedure.stage, 'filed');
    assert.equal(step.completedOn, '2025-04-15');
    assert.equal(step.status, 'met');
    assert.equal(step.filing?.filedOn, '2025-04-15');
    assert.equal(step.filing?.receiptName, 'acuse-comar.jpg');
    assert.equal(step.filing?.receiptSha256, sha);
    assert.equal(
      step.filing?.undoUntil,
      new Date(h().clock.now.getTime() + FILING_UNDO_MINUTES * 60_000).toISOString(),
    );
    const back = await lawyer.get(`/api/procedures/${procedure.id}/filings/${step.filing?.id}/receipt`);
    assert.equal(back.statusCode, 200);
    assert.deepEqual(back.rawPayload, receipt);
    const stored = await h().ctx.db.query<{ receipt: Buffer }>('SELECT receipt FROM procedure_filings');
    assert.ok(!Buffer.from(stored.rows[0]?.receipt ?? []).includes(Buffer.from('JFIF')), 'stored encrypted');
    assert.deepEqual(
      (await actions()).map((a) => [a.action, a.details.filedOn, a.details.from, a.details.to, a.details.sha256]),
      [['procedure.filed', '2025-04-15', 'preparing', 'filed', sha]],
    );
    const again = await file('2025-04-15');
    assert.equal((again.json() as { code: string }).code, 'procedures.already_filed');
  });

  it('undoes the filing within the window: step and stage back, receipt dropped, both audited', async () => {
    h().clock.advanceMinutes(FILING_UNDO_MINUTES - 1);
    const filingId = application(procedure).filing?.id;
    const undone = await lawyer.post(`/api/procedures/${procedure.id}/filings/${filingId}/undo`, {});
    assert.equal(undone.statusCode, 200, undone.body);
    procedure = undone.json() as Procedure;
    assert.equal(procedure.stage, 'preparing');
    assert.equal(application(procedure).completedOn, null);
    assert.equal(application(procedure).filing, null);
    assert.notEqual(application(procedure).status, 'met');
    assert.equal((await lawyer.get(`/api/procedures/${procedure.id}/filings/${filingId}/receipt`)).statusCode, 404);
    const row = await h().ctx.db.query<{ receipt: unknown; undone: boolean }>(
      'SELECT receipt, undone_at IS NOT NULL AS undone FROM procedure_filings WHERE id = $1',
      [filingId],
    );
    assert.deepEqual(row.rows[0], { receipt: null, undone: true });
    assert.deepEqual(
      (await actions()).map((a) => [a.action, a.details.to]),
      [
        ['procedure.filed', 'filed'],
        ['procedure.filing_undone', 'preparing'],
      ],
    );
    const twice = await lawyer.post(`/api/procedures/${procedure.id}/filings/${filingId}/undo`, {});
    assert.equal((twice.json() as { code: string }).code, 'procedures.filing_already_undone');
    const timeline = (await lawyer.get(`/api/procedures/${procedure.id}/timeline`)).json() as {
      items: { kind: string }[];
    };
    assert.deepEqual(
      timeline.items.map((i) => i.kind).filter((k) => k.startsWith('fil')),
      ['filed', 'filing_undone'],
    );
  });

  it('refuses to undo once the window has passed, and the filing stands', async () => {
    const filed = await file('2025-04-16');
    assert.equal(filed.statusCode, 201, filed.body);
    const filingId = application(filed.json() as Procedure).filing?.id;
    h().clock.advanceMinutes(FILING_UNDO_MINUTES + 1);
    const late = await lawyer.post(`/api/procedures/${procedure.id}/filings/${filingId}/undo`, {});
    assert.equal(late.statusCode, 409, late.body);
    assert.equal((late.json() as { code: string }).code, 'procedures.filing_undo_expired');
    const now = (await lawyer.get(`/api/procedures/${procedure.id}`)).json() as Procedure;
    assert.equal(now.stage, 'filed');
    assert.equal(application(now).filing?.undoUntil, null);
  });
});
