// Issue 4, item 6: Luis, a caseworker at the shelter, opens a case for Dania from her record,
// plans tasks with owners and due dates, writes notes that only the team can read (encrypted at
// rest), attaches her COMAR receipt, closes the case with a reason and reopens it. A colleague
// working on the same case at the same time never silently overwrites him. Kevin, a boy
// travelling alone, gets a case that starts with the best-interests steps.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Task {
  id: string;
  key: string | null;
  description: string | null;
  ownerAccountId: string | null;
  dueOn: string | null;
  done: boolean;
  overdue: boolean;
  version: number;
  source: string;
  label: { es: string } | null;
}
interface Case {
  id: string;
  personId: string;
  status: string;
  version: number;
  assignedAccountId: string | null;
  teamId: string | null;
  tasks: Task[];
  suggestedTasks: { key: string }[];
  childProtection: boolean;
  givenNames: string;
  canUpdate: boolean;
}
interface TimelineItem {
  kind: string;
  source: string;
  text: string | null;
  data: Record<string, string>;
  at: string;
}

const patch = (client: ApiClient, url: string, body: object, headers: Record<string, string> = {}) =>
  client.request({ method: 'PATCH', url, payload: body, headers });
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('Constancia de solicitud COMAR 2026/TAP/0001 — Dania Maradiaga\n'),
  Buffer.from('%%EOF\n'),
]);

describeOnBothDatabases('cases', (h) => {
  let luis: ApiClient;
  let colleague: ApiClient;
  let luisId: string;
  let daniaId: string;
  let danias: Case;

  before(async () => {
    luisId = (await h().createAccount({ org: 'albergue', email: 'luis@albergue.example', role: 'caseworker' }))
      .accountId;
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    luis = await h().login('luis@albergue.example');
    colleague = await h().login('coord@albergue.example');
    const dania = await luis.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga Flores',
      sex: 'F',
      nationality: 'HN',
    });
    daniaId = (dania.json() as { id: string }).id;
    await luis.post(`/api/people/${daniaId}/screenings`, {
      questionnaireId: 'international_protection',
      answers: { fear_of_return: true, fear_reasons: ['gang_threats'], days_in_mexico: 1 },
    });
  });

  it('opens a case from a person, assigned to the caseworker who opened it, with the screening’s suggested tasks offered', async () => {
    const opened = await luis.post('/api/cases', { personId: daniaId });
    assert.equal(opened.statusCode, 201, opened.body);
    danias = opened.json() as Case;
    assert.equal(danias.personId, daniaId);
    assert.equal(danias.givenNames, 'Dania');
    assert.equal(danias.status, 'open');
    assert.equal(danias.assignedAccountId, luisId);
    assert.equal(danias.version, 1);
    assert.deepEqual(danias.tasks, []);
    assert.ok(
      danias.suggestedTasks.some((t) => t.key === 'comar_application'),
      JSON.stringify(danias.suggestedTasks),
    );
    assert.equal(danias.childProtection, false);
  });

  it('plans tasks with an owner and a due date, marks overdue ones and completes them', async () => {
    const comar = await luis.post(`/api/cases/${danias.id}/tasks`, {
      key: 'comar_application',
      ownerAccountId: luisId,
      dueOn: '2026-12-01',
    });
    assert.equal(comar.statusCode, 201, comar.body);
    assert.equal((comar.json() as Task).label?.es, 'Solicitud de la condición de refugiado ante la COMAR');
    const own = await luis.post(`/api/cases/${danias.id}/tasks`, {
      description: 'Acompañarla a la cita con la abogada',
      dueOn: '2020-01-10',
    });
    assert.equal(own.statusCode, 201, own.body);
    const late = own.json() as Task;
    assert.equal(late.description, 'Acompañarla a la cita con la abogada');
    assert.equal(late.overdue, true);
    const done = await patch(luis, `/api/cases/${danias.id}/tasks/${late.id}`, { version: late.version, done: true });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((done.json() as Task).done, true);
    assert.equal((done.json() as Task).overdue, false);
    const fresh = (await luis.get(`/api/cases/${danias.id}`)).json() as Case;
    assert.deepEqual(
      fresh.tasks.map((t) => [t.key, t.ownerAccountId, t.dueOn, t.done]),
      [
        ['comar_application', luisId, '2026-12-01', false],
        [null, null, '2020-01-10', true],
      ],
    );
    assert.ok(!fresh.suggestedTasks.some((t) => t.key === 'comar_application'), 'a planned task is no longer offered');
    const impossible = await luis.post(`/api/cases/${danias.id}/tasks`, { description: 'x', dueOn: '2026-02-30' });
    assert.equal(impossible.statusCode, 400);
    assert.equal((impossible.json() as { field: string }).field, 'dueOn');
  });

  it('keeps notes encrypted: the text is never in the database in clear, yet the team reads it back', async () => {
    const text = 'Refiere amenazas de la pandilla a su hermano menor en San Pedro Sula.';
    const added = await luis.post(`/api/cases/${danias.id}/notes`, { text });
    assert.equal(added.statusCode, 201, added.body);
    const { rows } = await h().ctx.db.query<{ body: Uint8Array }>('SELECT body FROM case_notes');
    for (const row of rows) assert.ok(!Buffer.from(row.body).toString('latin1').includes('pandilla'));
    const dump = await h().ctx.db.query<{ t: string }>(
      "SELECT string_agg(row_to_json(e)::text, ' ') AS t FROM case_events e",
    );
    assert.doesNotMatch(dump.rows[0]?.t ?? '', /pandilla/);
    const notes = (await luis.get(`/api/cases/${danias.id}/notes`)).json() as { items: { text: string }[] };
    assert.equal(notes.items[0]?.text, text);
  });

  it('refuses a 10 MB note with a translated error naming the field, and stores nothing', async () => {
    const before = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM case_notes');
    const huge = await luis.post(
      `/api/cases/${danias.id}/notes`,
      { text: 'a'.repeat(10 * 1024 * 1024) },
      { 'accept-language': 'en' },
    );
    assert.equal(huge.statusCode, 400, huge.body.slice(0, 300));
    const body = huge.json() as { code: string; field: string; message: string };
    assert.equal(body.code, 'cases.note_too_long');
    assert.equal(body.field, 'text');
    assert.match(body.message, /The note is too long \(10485760 characters\); the limit is 50000/);
    const es = await luis.post(`/api/cases/${danias.id}/notes`, { text: '   ' });
    assert.equal((es.json() as { message: string }).message, 'La nota está vacía.');
    const after = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM case_notes');
    assert.equal(Number(after.rows[0]?.n), Number(before.rows[0]?.n));
  });

  it('stores an attachment encrypted and gives back the same bytes with their SHA-256', async () => {
    const uploaded = await luis.request({
      method: 'PUT',
      url: `/api/cases/${danias.id}/attachments`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('constancia-comar.pdf') },
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const meta = uploaded.json() as { id: string; sha256: string; originalName: string };
    assert.equal(meta.sha256, createHash('sha256').update(PDF).digest('hex'));
    assert.equal(meta.originalName, 'constancia-comar.pdf');
    const { rows } = await h().ctx.db.query<{ content: Uint8Array; original_name: Uint8Array }>(
      'SELECT content, original_name FROM case_attachments',
    );
    for (const row of rows) {
      assert.ok(!Buffer.from(row.content).toString('latin1').includes('Constancia'));
      assert.ok(!Buffer.from(row.original_name).toString('latin1').includes('constancia'));
    }
    const back = await luis.get(`/api/cases/${danias.id}/attachments/${meta.id}`);
    assert.equal(back.statusCode, 200);
    assert.deepEqual(back.rawPayload, PDF);
    assert.equal(back.headers['x-content-sha256'], meta.sha256);
    const fake = await luis.request({
      method: 'PUT',
      url: `/api/cases/${danias.id}/attachments`,
      payload: Buffer.from('MZ not a pdf'),
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'x.pdf' },
    });
    assert.equal(fake.statusCode, 415);
  });

  it('tells the second of two people editing the case what the first changed (409, nothing overwritten)', async () => {
    const read = (await luis.get(`/api/cases/${danias.id}`)).json() as Case;
    const first = await patch(colleague, `/api/cases/${danias.id}`, { version: read.version, status: 'active' });
    assert.equal(first.statusCode, 200, first.body);
    const second = await patch(
      luis,
      `/api/cases/${danias.id}`,
      { version: read.version, status: 'on_hold' },
      { 'accept-language': 'en' },
    );
    assert.equal(second.statusCode, 409);
    const body = second.json() as { code: string; field: string; message: string };
    assert.equal(body.code, 'record.conflict');
    assert.equal(body.field, 'status');
    assert.match(body.message, /changed: status/);
    assert.equal(((await luis.get(`/api/cases/${danias.id}`)).json() as Case).status, 'active');
  });

  it('closes only with a reason, and reopens with one', async () => {
    const current = (await luis.get(`/api/cases/${danias.id}`)).json() as Case;
    const noReason = await luis.post(`/api/cases/${danias.id}/close`, { version: current.version, reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(
      [(noReason.json() as { code: string }).code, (noReason.json() as { field: string }).field],
      ['cases.reason_required', 'reason'],
    );
    const closed = await luis.post(`/api/cases/${danias.id}/close`, {
      version: current.version,
      reason: 'Obtuvo la constancia y se trasladó a Monterrey.',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((closed.json() as Case).status, 'closed');
    const again = await luis.post(`/api/cases/${danias.id}/close`, {
      version: (closed.json() as Case).version,
      reason: 'otra vez',
    });
    assert.equal(again.statusCode, 409);
    const lateNote = await luis.post(`/api/cases/${danias.id}/notes`, { text: 'Una nota después del cierre.' });
    assert.deepEqual(
      [lateNote.statusCode, (lateNote.json() as { code: string }).code],
      [409, 'cases.closed_read_only'],
      'a closed case takes no notes until reopened',
    );
    const reopened = await luis.post(`/api/cases/${danias.id}/reopen`, {
      version: (closed.json() as Case).version,
      reason: 'Regresó a Tapachula: la COMAR pidió otra entrevista.',
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal((reopened.json() as Case).status, 'active');
    const { rows } = await h().ctx.db.query<{ t: string }>(
      "SELECT string_agg(encode(reason, 'escape'), ' ') AS t FROM case_events WHERE reason IS NOT NULL",
    );
    assert.doesNotMatch(rows[0]?.t ?? '', /Monterrey|entrevista/);
  });

  it('shows the timeline in order, with the reasons, notes and the person’s screening', async () => {
    const response = await luis.get(`/api/cases/${danias.id}/timeline`);
    assert.equal(response.statusCode, 200, response.body);
    const items = (response.json() as { items: TimelineItem[] }).items;
    const own = items.filter((i) => i.source === 'case').map((i) => i.kind);
    assert.deepEqual(own, [
      'opened',
      'task_added',
      'task_added',
      'task_completed',
      'note_added',
      'attachment_added',
      'status_changed',
      'closed',
      'reopened',
    ]);
    assert.equal(items.find((i) => i.kind === 'closed')?.text, 'Obtuvo la constancia y se trasladó a Monterrey.');
    assert.match(items.find((i) => i.kind === 'note_added')?.text ?? '', /pandilla/);
    assert.ok(items.some((i) => i.source === 'screening' && i.data.questionnaire === 'international_protection'));
    const instants = items.map((i) => i.at);
    assert.deepEqual(instants, [...instants].sort());
  });

  it('starts an unaccompanied child’s case with the best-interests steps, Procuraduría notification included', async () => {
    const kevin = (
      (
        await luis.post('/api/people', {
          givenNames: 'Kevin',
          surnames: 'Alvarenga',
          sex: 'M',
          nationality: 'HN',
          estimatedAge: 15,
        })
      ).json() as { id: string }
    ).id;
    await luis.post(`/api/people/${kevin}/screenings`, {
      questionnaireId: 'child_best_interests',
      answers: { travels_with_parent: false },
      profile: ['child', 'unaccompanied_child'],
    });
    const opened = await luis.post('/api/cases', { personId: kevin });
    assert.equal(opened.statusCode, 201, opened.body);
    const child = opened.json() as Case;
    assert.equal(child.childProtection, true);
    assert.deepEqual(
      child.tasks.map((t) => t.key),
      ['best_interests_assessment', 'notify_child_protection_authority', 'family_tracing', 'safe_accommodation'],
    );
    assert.ok(child.tasks.every((t) => t.source === 'best_interests' && t.dueOn && t.ownerAccountId === luisId));
    assert.match(child.tasks[1]?.label?.es ?? '', /Procuraduría de Protección de Niñas, Niños y Adolescentes/);
    assert.ok(child.suggestedTasks.some((t) => t.key === 'child_protection_focal_point'));
  });

  it('starts with the best-interests steps too when only the profile says the child is separated (no screening yet)', async () => {
    const brenda = (
      await luis.post('/api/people', {
        givenNames: 'Brenda',
        surnames: 'Zelaya',
        sex: 'F',
        nationality: 'GT',
        estimatedAge: 13,
      })
    ).json() as { id: string; version: number };
    const profile = await luis.request({
      method: 'PUT',
      url: `/api/people/${brenda.id}/profile`,
      payload: { version: brenda.version, indicators: ['separated_child'] },
    });
    assert.equal(profile.statusCode, 200, profile.body);
    const opened = (await luis.post('/api/cases', { personId: brenda.id })).json() as Case;
    assert.equal(opened.childProtection, true);
    assert.equal(opened.tasks[0]?.key, 'best_interests_assessment');
  });

  it('denies a caseworker of another team, and another organisation sees nothing', async () => {
    await h().createAccount({ org: 'albergue', email: 'otro@albergue.example', role: 'caseworker' });
    const outsider = await h().login('otro@albergue.example');
    const withTeam = await h().ctx.db.query<{ id: string }>(
      "INSERT INTO teams (org_id, name) SELECT org_id, 'Salud' FROM cases WHERE id = $1 RETURNING id::text AS id",
      [danias.id],
    );
    await h().ctx.db.query('UPDATE cases SET team_id = $2 WHERE id = $1', [danias.id, withTeam.rows[0]?.id]);
    assert.equal((await outsider.get(`/api/cases/${danias.id}`)).statusCode, 403);
    assert.equal((await outsider.post(`/api/cases/${danias.id}/notes`, { text: 'hola' })).statusCode, 403);
    await h().createAccount({ org: 'ajena', email: 'cw@ajena.example', role: 'coordinator' });
    const stranger = await h().login('cw@ajena.example');
    assert.equal((await stranger.get(`/api/cases/${danias.id}`)).statusCode, 404);
    assert.equal((await stranger.get(`/api/cases/${danias.id}/timeline`)).statusCode, 404);
    assert.equal((await stranger.post('/api/cases', { personId: daniaId })).statusCode, 404);
    const list = (await stranger.get('/api/cases')).json() as { items: unknown[] };
    assert.equal(list.items.length, 0);
  });
});
