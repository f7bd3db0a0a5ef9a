// Journey 5 (return and reintegration): a returnee-reception worker records Jorge's reception
// after his deportation, assesses his reintegration needs, refers him (with his consent, sharing
// only his name) to a partner's legal-identity service, and is reminded of the 30-day follow-up
// once a week before and once when overdue, however often the reminder job runs. Consular
// requests are recorded with their outcome. Personal parts never reach the database in clear.
// Jorge then asks for everything held about him (reception, assessment, follow-ups, consular
// requests, his place in a family file) and to be erased: nothing of him is left in any table,
// while the reception stays as a stub whose done follow-up still counts (decision 0118).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { legalIdentityService } from '../directory/directory-fixtures.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';
import { encryptedColumns } from '../kernel/crypto/key-rotation.ts';

interface FollowUp {
  id: string;
  milestone: number;
  dueOn: string;
  doneOn: string | null;
  outcome: string | null;
  overdue: boolean;
}
interface Reception {
  id: string;
  personId: string;
  givenNames: string;
  familyLeftBehind: string | null;
  documentsRetained: string | null;
  assessment: { assessedOn: string; needs: { area: string; level: string }[] } | null;
  plan: { area: string; referralId: string; status: string; toServiceName: string | null }[];
  followUps: FollowUp[];
}
const DAY = 86_400_000;
const dayOf = (d: Date, plus = 0) => new Date(d.getTime() + plus * DAY).toISOString().slice(0, 10);

describeOnBothDatabases('return and reintegration', (h) => {
  let worker: ApiClient;
  let partner: ApiClient;
  let colleague: ApiClient;
  let outsider: ApiClient;
  let jorgeId: string;
  let serviceId: string;
  let reception: Reception;
  let assessedOn: string;
  let admin: ApiClient;
  let familyId: string;
  // Sessions expire while the clock moves by weeks: everyone signs in again.
  const loginAll = async () => {
    worker = await h().login('recepcion@retorno.example');
    colleague = await h().login('otra@retorno.example');
    partner = await h().login('coord@identidad.example');
    outsider = await h().login('coord@ajena.example');
  };

  it('sets up a reception centre, a partner with a legal-identity service, and Jorge', async () => {
    await h().createAccount({ org: 'retorno', email: 'recepcion@retorno.example', role: 'caseworker' });
    await h().createAccount({ org: 'retorno', email: 'otra@retorno.example', role: 'caseworker' });
    await h().createAccount({ org: 'identidad', email: 'coord@identidad.example', role: 'coordinator' });
    await h().createAccount({ org: 'ajena', email: 'coord@ajena.example', role: 'coordinator' });
    await loginAll();
    const service = await partner.post('/api/directory/services', {
      ...legalIdentityService(),
      acceptsReferrals: true,
    });
    assert.equal(service.statusCode, 201, service.body);
    serviceId = (service.json() as { service: { id: string } }).service.id;
    const jorge = await worker.post('/api/people', {
      givenNames: 'Jorge',
      surnames: 'Ramírez Soto',
      sex: 'M',
      nationality: 'MX',
      birthDate: '1988-07-02',
    });
    assert.equal(jorge.statusCode, 201, jorge.body);
    jorgeId = (jorge.json() as { id: string }).id;
  });

  it('records the reception: when, where, from which country and authority, what was left behind', async () => {
    const now = h().clock.now;
    const res = await worker.post('/api/reintegration/receptions', {
      personId: jorgeId,
      receivedOn: dayOf(now, -1),
      arrivalMode: 'air',
      portOfEntry: 'Aeropuerto Internacional de la Ciudad de México',
      returnedFrom: 'US',
      returningAuthority: 'ice',
      familyLeftBehind: 'Esposa e hijos en Los Ángeles (MARCADOR-FAMILIA)',
      documentsRetained: 'Pasaporte retenido por ICE',
      belongingsRetained: 'Teléfono y cinturón',
    });
    assert.equal(res.statusCode, 201, res.body);
    reception = res.json() as Reception;
    assert.equal(reception.givenNames, 'Jorge');
    assert.match(reception.familyLeftBehind ?? '', /Los Ángeles/);
    assert.equal(reception.assessment, null);
    assert.deepEqual(reception.followUps, []);
    const raw = await h().ctx.db.query<{ t: string }>(
      'SELECT family_left_behind::text AS t FROM reintegration_receptions WHERE id = $1',
      [reception.id],
    );
    assert.doesNotMatch(raw.rows[0]?.t ?? '', /MARCADOR|4d4152434144/i, 'family left behind is encrypted at rest');
  });

  it('refuses a reception dated in the future and a person of another organisation', async () => {
    const future = await worker.post('/api/reintegration/receptions', {
      personId: jorgeId,
      receivedOn: dayOf(h().clock.now, 3),
      arrivalMode: 'land',
      portOfEntry: 'Puente Internacional',
      returnedFrom: 'US',
      returningAuthority: 'cbp',
    });
    assert.equal(future.statusCode, 400);
    const foreign = await outsider.post('/api/reintegration/receptions', {
      personId: jorgeId,
      receivedOn: dayOf(h().clock.now),
      arrivalMode: 'land',
      portOfEntry: 'Puente Internacional',
      returnedFrom: 'US',
      returningAuthority: 'cbp',
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('asks for the needs assessment before any referral of the plan', async () => {
    const early = await worker.post(`/api/reintegration/receptions/${reception.id}/referrals`, {
      area: 'legal_identity',
      toServiceId: serviceId,
      reason: 'Acta de nacimiento',
      sharedFields: ['name'],
    });
    assert.equal(early.statusCode, 409);
    assert.equal((early.json() as { code: string }).code, 'reintegration.assessment_required');
  });

  it('saves the needs assessment and plans follow-ups at 30, 90 and 180 days', async () => {
    assessedOn = dayOf(h().clock.now);
    const res = await worker.put(`/api/reintegration/receptions/${reception.id}/assessment`, {
      assessedOn,
      needs: [
        { area: 'legal_identity', level: 'urgent', note: 'Sin acta ni CURP' },
        { area: 'employment', level: 'some' },
        { area: 'psychosocial', level: 'some' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    reception = res.json() as Reception;
    assert.deepEqual(
      reception.assessment?.needs.map((n) => n.area),
      ['legal_identity', 'employment', 'psychosocial'],
    );
    assert.deepEqual(
      reception.followUps.map((f) => [f.milestone, f.dueOn]),
      [
        [30, dayOf(h().clock.now, 30)],
        [90, dayOf(h().clock.now, 90)],
        [180, dayOf(h().clock.now, 180)],
      ],
    );
  });

  it('refuses a referral without the referral consent, then sends it sharing only the name', async () => {
    const body = {
      area: 'legal_identity',
      toServiceId: serviceId,
      urgency: 'urgent',
      reason: 'Necesita acta de nacimiento y CURP.',
      sharedFields: ['name'],
    };
    const refused = await worker.post(`/api/reintegration/receptions/${reception.id}/referrals`, body);
    assert.equal(refused.statusCode, 400);
    assert.equal((refused.json() as { code: string }).code, 'referrals.consent_required');
    assert.equal(
      (await worker.post(`/api/people/${jorgeId}/consents`, { purpose: 'referral', method: 'signed' })).statusCode,
      201,
    );
    const sent = await worker.post(`/api/reintegration/receptions/${reception.id}/referrals`, body);
    assert.equal(sent.statusCode, 201, sent.body);
    reception = sent.json() as Reception;
    assert.equal(reception.plan.length, 1);
    assert.equal(reception.plan[0]?.status, 'sent');
    assert.equal(reception.plan[0]?.area, 'legal_identity');
    const incoming = (await partner.get('/api/referrals?direction=incoming')).json() as {
      items: { id: string; snapshot: Record<string, unknown> }[];
    };
    assert.deepEqual(incoming.items[0]?.snapshot, { givenNames: 'Jorge', surnames: 'Ramírez Soto' });
  });

  it('shows the receiver’s answer in the plan (closed loop)', async () => {
    const id = reception.plan[0]?.referralId as string;
    assert.equal((await partner.post(`/api/referrals/${id}/accept`)).statusCode, 200);
    assert.equal((await partner.post(`/api/referrals/${id}/complete`, { outcome: 'Acta entregada.' })).statusCode, 200);
    const again = (await worker.get(`/api/reintegration/receptions/${reception.id}`)).json() as Reception;
    assert.equal(again.plan[0]?.status, 'completed');
  });

  it('does not pass a broken referral (undecryptable) off as one the worker may not see', async () => {
    const id = reception.plan[0]?.referralId as string;
    const saved = await h().ctx.db.query<{ outcome: unknown }>('SELECT outcome FROM referrals WHERE id = $1', [id]);
    await h().ctx.db.query(`UPDATE referrals SET outcome = '\\x00ff00ff'::bytea WHERE id = $1`, [id]);
    try {
      const broken = await worker.get(`/api/reintegration/receptions/${reception.id}`);
      assert.ok(broken.statusCode >= 500, `a fault is an error, not a plan without the referral: ${broken.statusCode}`);
    } finally {
      await h().ctx.db.query('UPDATE referrals SET outcome = $1 WHERE id = $2', [saved.rows[0]?.outcome, id]);
    }
    const again = (await worker.get(`/api/reintegration/receptions/${reception.id}`)).json() as Reception;
    assert.equal(again.plan[0]?.status, 'completed');
  });

  it('lets only the responsible worker’s scope and organisation see the reception', async () => {
    assert.equal((await colleague.get(`/api/reintegration/receptions/${reception.id}`)).statusCode, 403);
    assert.equal((await outsider.get(`/api/reintegration/receptions/${reception.id}`)).statusCode, 404);
    const list = (await worker.get('/api/reintegration/receptions')).json() as {
      items: { id: string; assessed: boolean; nextFollowUp: string }[];
    };
    assert.deepEqual(
      list.items.map((i) => [i.id, i.assessed, i.nextFollowUp]),
      [[reception.id, true, dayOf(h().clock.now, 30)]],
    );
    assert.deepEqual(((await colleague.get('/api/reintegration/receptions')).json() as { items: unknown[] }).items, []);
  });

  it('reminds the case owner of the 30-day follow-up once a week before and once overdue', async () => {
    const jobs = createServerJobs(h().ctx);
    const start = h().clock.now;
    h().clock.now = new Date(start.getTime() + 20 * DAY);
    assert.deepEqual(await jobs.followUps.scan(), { created: 0 }, 'nothing is due within a week yet');
    h().clock.now = new Date(start.getTime() + 24 * DAY);
    assert.deepEqual(await jobs.followUps.scan(), { created: 1 });
    assert.deepEqual(await jobs.followUps.scan(), { created: 0 }, 'a second run in the same window notifies nobody');
    h().clock.now = new Date(start.getTime() + 32 * DAY);
    assert.deepEqual(await jobs.followUps.scan(), { created: 1 });
    assert.deepEqual(await jobs.followUps.scan(), { created: 0 });
    await loginAll();
    const bell = (await worker.get('/api/notifications')).json() as { items: { kind: string; link: string }[] };
    const reminders = bell.items.filter((n) => n.kind.startsWith('reintegration.'));
    assert.deepEqual(reminders.map((n) => n.kind).sort(), [
      'reintegration.follow_up_d7',
      'reintegration.follow_up_overdue',
    ]);
    assert.equal(reminders[0]?.link, `/reintegration/${reception.id}`);
    const overdue = (await worker.get('/api/reintegration/follow-ups?status=overdue')).json() as { items: FollowUp[] };
    assert.deepEqual(
      overdue.items.map((f) => f.milestone),
      [30],
    );
    await jobs.close();
  });

  it('records the follow-up outcome; a done follow-up is no longer reminded or listed as open', async () => {
    const thirty = reception.followUps[0] as FollowUp;
    const done = await worker.post(`/api/reintegration/follow-ups/${thirty.id}`, {
      doneOn: dayOf(h().clock.now),
      outcome: 'progressing',
      note: 'Ya tiene acta; busca empleo.',
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((done.json() as FollowUp).outcome, 'progressing');
    assert.equal(
      (
        await worker.post(`/api/reintegration/follow-ups/${thirty.id}`, {
          doneOn: dayOf(h().clock.now),
          outcome: 'settled',
        })
      ).statusCode,
      409,
    );
    const open = (await worker.get('/api/reintegration/follow-ups')).json() as { items: FollowUp[] };
    assert.deepEqual(
      open.items.map((f) => f.milestone),
      [90, 180],
    );
    // A page at a time by cursor, never cut silently: one per page, then the next, then the end.
    type Page = { items: FollowUp[]; nextCursor: string | null };
    const first = (await worker.get('/api/reintegration/follow-ups?limit=1')).json() as Page;
    assert.deepEqual([first.items.map((f) => f.milestone), typeof first.nextCursor], [[90], 'string']);
    const second = (
      await worker.get(`/api/reintegration/follow-ups?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
    ).json() as Page;
    assert.deepEqual([second.items.map((f) => f.milestone), second.nextCursor], [[180], null]);
    const doneFirst = (await worker.get('/api/reintegration/follow-ups?status=done&limit=1')).json() as Page;
    assert.deepEqual([doneFirst.items.map((f) => f.milestone), doneFirst.nextCursor], [[30], null]);
    const badCursor = await worker.get('/api/reintegration/follow-ups?cursor=bm90LWEtY3Vyc29y');
    assert.deepEqual([badCursor.statusCode, (badCursor.json() as { field?: string }).field], [400, 'cursor']);
    assert.equal(
      (
        await colleague.post(`/api/reintegration/follow-ups/${(reception.followUps[1] as FollowUp).id}`, {
          doneOn: dayOf(h().clock.now),
          outcome: 'settled',
        })
      ).statusCode,
      403,
    );
  });

  it('records a consular request and its outcome', async () => {
    const created = await worker.post('/api/consular-requests', {
      personId: jorgeId,
      consulateCountry: 'MX',
      consulateCity: 'Los Ángeles',
      kind: 'documents',
      requestedOn: dayOf(h().clock.now),
      details: 'Pasaporte retenido; pedir copia certificada.',
    });
    assert.equal(created.statusCode, 201, created.body);
    const request = created.json() as { id: string; version: number; status: string; details: string };
    assert.equal(request.status, 'requested');
    const answered = await worker.post(`/api/consular-requests/${request.id}/outcome`, {
      version: request.version,
      status: 'granted',
      outcomeOn: dayOf(h().clock.now),
      note: 'Pasaporte devuelto.',
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal((answered.json() as { outcomeNote: string }).outcomeNote, 'Pasaporte devuelto.');
    assert.equal(
      (
        await worker.post(`/api/consular-requests/${request.id}/outcome`, {
          version: 2,
          status: 'refused',
          outcomeOn: dayOf(h().clock.now),
        })
      ).statusCode,
      409,
    );
    const list = (await worker.get(`/api/consular-requests?personId=${jorgeId}`)).json() as {
      items: { status: string; kind: string }[];
    };
    assert.deepEqual(
      list.items.map((i) => [i.kind, i.status]),
      [['documents', 'granted']],
    );
    assert.equal(((await outsider.get('/api/consular-requests')).json() as { items: unknown[] }).items.length, 0);
  });

  it('exports Jorge’s receptions, consular requests and family membership, decrypted', async () => {
    await h().createAccount({ org: 'retorno', email: 'admin@retorno.example', role: 'admin' });
    admin = await h().login('admin@retorno.example');
    const pending = await worker.post('/api/consular-requests', {
      personId: jorgeId,
      consulateCountry: 'MX',
      consulateCity: 'Los Ángeles',
      kind: 'repatriation',
      requestedOn: dayOf(h().clock.now),
      details: 'Repatriar restos, copia certificada MARCADOR-CONSULAR',
    });
    assert.equal(pending.statusCode, 201, pending.body);
    // Consular requests come a page at a time by cursor, never cut silently.
    type Page = { items: { id: string }[]; nextCursor: string | null };
    const all = (await worker.get(`/api/consular-requests?personId=${jorgeId}`)).json() as Page;
    assert.deepEqual([all.items.length, all.nextCursor], [2, null]);
    const first = (await worker.get(`/api/consular-requests?personId=${jorgeId}&limit=1`)).json() as Page;
    assert.ok(first.nextCursor, 'a next page is announced');
    const next = (
      await worker.get(
        `/api/consular-requests?personId=${jorgeId}&limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
      )
    ).json() as Page;
    assert.deepEqual(
      [[...first.items, ...next.items].map((i) => i.id), next.nextCursor],
      [all.items.map((i) => i.id), null],
    );
    const family = await worker.post('/api/families', { label: 'Familia Ramírez Soto' });
    assert.equal(family.statusCode, 201, family.body);
    familyId = (family.json() as { id: string }).id;
    const member = await worker.post(`/api/families/${familyId}/members`, {
      personId: jorgeId,
      relationship: 'padre',
      location: 'Centro de detención de Adelanto',
      holdingAuthority: 'ice',
      holdingCountry: 'US',
    });
    assert.equal(member.statusCode, 201, member.body);
    const jorgeMember = (member.json() as { members: { id: string; personId: string | null }[] }).members.find(
      (m) => m.personId === jorgeId,
    );
    assert.equal(
      (await worker.post(`/api/families/${familyId}/members`, { name: 'Lucía Vázquez', relationship: 'esposa' }))
        .statusCode,
      201,
    );
    assert.equal(
      (
        await worker.post(`/api/families/${familyId}/tracing`, {
          memberId: jorgeMember?.id,
          channel: 'consulate',
          requestedOn: dayOf(h().clock.now),
          note: 'Preguntar por MARCADOR-RASTREO',
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (await worker.post(`/api/families/${familyId}/plan`, { title: 'Visitar a Jorge en Adelanto' })).statusCode,
      201,
    );
    assert.equal(
      (await worker.post(`/api/families/${familyId}/plan`, { title: 'Conseguir boletos de autobús' })).statusCode,
      201,
    );

    const res = await admin.get(`/api/people/${jorgeId}/export`);
    assert.equal(res.statusCode, 200, res.body);
    const s = (res.json() as { sections: Record<string, Record<string, unknown>[]> }).sections;
    const r = s.reintegration?.[0] as {
      familyLeftBehind: string;
      assessment: { needs: { area: string; note?: string }[] };
      plan: { area: string }[];
      followUps: { milestone: number; outcome: string | null; note: string | null }[];
    };
    assert.match(r.familyLeftBehind, /MARCADOR-FAMILIA/);
    assert.equal(r.assessment.needs[0]?.note, 'Sin acta ni CURP');
    assert.deepEqual(
      r.plan.map((p) => p.area),
      ['legal_identity'],
    );
    assert.deepEqual(
      r.followUps.map((f) => [f.milestone, f.outcome, f.note]),
      [
        [30, 'progressing', 'Ya tiene acta; busca empleo.'],
        [90, null, null],
        [180, null, null],
      ],
    );
    assert.deepEqual(s.consular?.map((c) => [c.kind, c.status, c.details]).sort(), [
      ['documents', 'granted', 'Pasaporte retenido; pedir copia certificada.'],
      ['repatriation', 'requested', 'Repatriar restos, copia certificada MARCADOR-CONSULAR'],
    ]);
    const f = s.families?.[0] as {
      familyId: string;
      relationship: string;
      location: string;
      tracing: { note: string }[];
    };
    assert.deepEqual(
      [s.families?.length, f.familyId, f.relationship, f.location, f.tracing[0]?.note],
      [1, familyId, 'padre', 'Centro de detención de Adelanto', 'Preguntar por MARCADOR-RASTREO'],
    );
    assert.doesNotMatch(
      JSON.stringify(s.families),
      /Lucía|Vázquez|boletos/,
      'the other members and the family plan are not his to receive',
    );
  });

  it('erases Jorge from every table, keeps the reception as a stub that still counts, and writes counts in the audit stub', async () => {
    assert.equal((await admin.request({ method: 'DELETE', url: `/api/people/${jorgeId}` })).statusCode, 204);
    const db = h().ctx.db;
    const markers = [
      /Jorge/i,
      /Ramírez/i,
      /MARCADOR/,
      /Pasaporte retenido/i,
      /Sin acta ni/,
      /busca empleo/,
      /Adelanto/,
      /Acta entregada/,
      /Necesita acta/,
      /copia certificada/,
    ];
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { table_name: table } of tables.rows) {
      const { rows } = await db.query<{ dump: string }>(`SELECT row_to_json(t)::text AS dump FROM "${table}" t`);
      for (const row of rows)
        for (const marker of markers) assert.doesNotMatch(row.dump, marker, `${table} still holds ${marker}`);
    }
    for (const c of encryptedColumns().filter((e) => tables.rows.some((t) => t.table_name === e.table))) {
      const { rows } = await db.query<{ org: string; value: Uint8Array }>(
        `SELECT ${c.orgColumn}::text AS org, ${c.column} AS value FROM ${c.table} WHERE ${c.column} IS NOT NULL`,
      );
      for (const row of rows) {
        if (Buffer.from(row.value).length === 0) continue;
        const text = await h().ctx.keyring.decrypt(row.org, c.context, row.value);
        for (const marker of markers) assert.doesNotMatch(text, marker, `${c.table}.${c.column} still holds ${marker}`);
      }
    }
    const stub = await db.query<{ details: Record<string, unknown> | string }>(
      "SELECT details FROM audit_log WHERE action = 'person.delete' AND record_id = $1",
      [jorgeId],
    );
    const raw = stub.rows[0]?.details;
    const details = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : raw;
    const keys = [
      'reintegration.receptions',
      'reintegration.assessments',
      'reintegration.pendingFollowUps',
      'reintegration.followUpNotes',
      'consular.requests',
      'consular.withdrawn',
      'families.members',
      'families.tracing',
      'families.textCleared',
    ];
    assert.deepEqual(
      keys.map((k) => details?.[k]),
      [1, 1, 2, 1, 2, 1, 1, 1, 2],
    );
    // The reintegration-outcomes indicator still counts the 30-day follow-up; nothing stays due.
    const followUps = await db.query<{ milestone: number; outcome: string }>(
      'SELECT milestone, outcome FROM reintegration_follow_ups WHERE reception_id = $1',
      [reception.id],
    );
    assert.deepEqual(
      followUps.rows.map((x) => [Number(x.milestone), x.outcome]),
      [[30, 'progressing']],
    );
    const consular = await db.query<{ kind: string; status: string }>(
      'SELECT kind, status FROM consular_requests WHERE person_id = $1 ORDER BY kind',
      [jorgeId],
    );
    assert.deepEqual(
      consular.rows.map((x) => [x.kind, x.status]),
      [
        ['documents', 'granted'],
        ['repatriation', 'withdrawn'],
      ],
    );
    const family = (await worker.get(`/api/families/${familyId}`)).json() as {
      label: string;
      members: { name: string | null }[];
      plan: { title: string }[];
      tracing: unknown[];
    };
    assert.deepEqual(
      [family.label, family.members.map((m) => m.name), family.plan.map((p) => p.title), family.tracing],
      ['', ['Lucía Vázquez'], ['', 'Conseguir boletos de autobús'], []],
    );
  });
});
