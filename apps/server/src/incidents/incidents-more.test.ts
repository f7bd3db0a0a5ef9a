// Issue 7, second slice: confidentiality levels govern who reads and what leaves; a threat
// against a defender with its protection measures; a complaint's next deadline computed by the
// deadline engine; the institution hierarchy in filters; partner exports (HXL CSV, JSON) and the
// redacted PDF read back.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { pdfPageCount, pdfText } from './pdf-text.ts';

interface Incident {
  id: string;
  version: number;
  confidentiality: string;
  againstDefenders: boolean;
  victims: { id: string }[];
  perpetrators: { id: string }[];
  complaints: {
    id: string;
    version: number;
    nextDeadline: string | null;
    outcomeKind: string | null;
    outcome?: string;
    deadline: { ruleId: string; dueDate: string; explanation: { es: string; en: string }; citation: string } | null;
  }[];
  protectionMeasures: {
    id: string;
    measure: string;
    stage: string;
    version: number;
    details?: string;
    history: { stage: string; on: string; recordedBy: string | null; note?: string }[];
  }[];
}

const ids = async (client: ApiClient, qs = '') =>
  ((await client.get(`/api/incidents?${qs}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);

describeOnBothDatabases('incidents: confidentiality, defenders, deadlines, exports', (h) => {
  let docNorth: ApiClient;
  let docSouth: ApiClient;
  let coordinator: ApiClient;
  let docAccountId: string;
  let personId: string;
  const event = (client: ApiClient, body: Record<string, unknown>) =>
    client
      .post('/api/incidents', {
        start: { date: '2025-03-10', precision: 'day' },
        place: { country: 'MX', stateCode: '07', municipalityCode: '07089' },
        ...body,
      })
      .then((r) => {
        assert.equal(r.statusCode, 201, r.body);
        return r.json() as Incident;
      });

  before(async () => {
    h().clock.now = new Date('2025-06-10T16:00:00Z');
    const orgId = await h().createOrg('casa-del-migrante');
    const north = await h().ctx.accounts.createAccount({
      orgId,
      email: 'doc-n@casa.example',
      password: TEST_PASSWORD,
      role: 'documentation_officer',
      totpExempt: true,
      teams: ['Norte'],
    });
    docAccountId = north.accountId;
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'doc-s@casa.example',
      password: TEST_PASSWORD,
      role: 'documentation_officer',
      totpExempt: true,
      teams: ['Sur'],
    });
    await h().ctx.accounts.createAccount({
      orgId,
      email: 'coord@casa.example',
      password: TEST_PASSWORD,
      role: 'coordinator',
      totpExempt: true,
      teams: ['Coordinación'],
    });
    docNorth = await h().login('doc-n@casa.example');
    docSouth = await h().login('doc-s@casa.example');
    coordinator = await h().login('coord@casa.example');
    const person = await coordinator.post('/api/people', {
      givenNames: 'Yesenia Marisol',
      surnames: 'Quiñónez Arévalo',
      sex: 'F',
      nationality: 'SV',
    });
    assert.equal(person.statusCode, 201, person.body);
    personId = (person.json() as { id: string }).id;
  });

  it("keeps a restricted event from another team's documentation officer, but not from a coordinator", async () => {
    const restricted = await event(docNorth, { title: 'Violación en Tapachula', confidentiality: 'restricted' });
    const internal = await event(docNorth, { title: 'Robo en Tapachula' });
    assert.equal((await docSouth.get(`/api/incidents/${restricted.id}`)).statusCode, 404);
    assert.equal((await docSouth.get(`/api/incidents/${internal.id}`)).statusCode, 200);
    assert.ok(!(await ids(docSouth)).includes(restricted.id), 'not in the other team’s list');
    assert.ok((await ids(docSouth)).includes(internal.id));
    assert.ok((await ids(coordinator)).includes(restricted.id), 'a coordinator sees it');
    assert.equal((await coordinator.get(`/api/incidents/${restricted.id}`)).statusCode, 200);
    assert.equal((await docNorth.get(`/api/incidents/${restricted.id}`)).statusCode, 200, 'its owner sees it');
    const summary = (await docSouth.get('/api/incidents/summary')).json() as { total: number };
    assert.equal(summary.total, (await ids(docSouth)).length, 'the map counts only what the list shows');
    // Lowering the level opens it to the organisation.
    const patched = await docNorth.request({
      method: 'PATCH',
      url: `/api/incidents/${restricted.id}`,
      payload: { version: restricted.version, confidentiality: 'internal' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal((await docSouth.get(`/api/incidents/${restricted.id}`)).statusCode, 200);
    const stale = await docNorth.request({
      method: 'PATCH',
      url: `/api/incidents/${restricted.id}`,
      payload: { version: restricted.version, confidentiality: 'restricted' },
    });
    assert.equal(stale.statusCode, 409);
  });

  it('records a threat against a defender with its protection measures: requested, granted, implemented, by whom and when', async () => {
    const threat = await event(docNorth, {
      title: 'Amenazas al coordinador del albergue',
      againstDefenders: true,
      confidentiality: 'restricted',
      contextTags: ['shelter'],
    });
    assert.equal(threat.againstDefenders, true);
    let r = await docNorth.post(`/api/incidents/${threat.id}/protection`, {
      measure: 'panic_button',
      authority: 'federal_mechanism',
      on: '2025-03-12',
      details: 'Botón para el coordinador, tel. 962 555 0101',
    });
    assert.equal(r.statusCode, 201, r.body);
    let measure = (r.json() as Incident).protectionMeasures[0];
    assert.equal(measure?.stage, 'requested');
    for (const [stage, on] of [
      ['granted', '2025-03-20'],
      ['implemented', '2025-04-02'],
    ] as const) {
      r = await docNorth.put(`/api/incidents/${threat.id}/protection/${measure?.id}/stage`, {
        stage,
        on,
        version: measure?.version,
        note: stage === 'implemented' ? 'Entregado por el Mecanismo' : undefined,
      });
      assert.equal(r.statusCode, 200, r.body);
      measure = (r.json() as Incident).protectionMeasures[0];
    }
    assert.deepEqual(
      measure?.history.map((x) => [x.stage, x.on, x.recordedBy]),
      [
        ['requested', '2025-03-12', docAccountId],
        ['granted', '2025-03-20', docAccountId],
        ['implemented', '2025-04-02', docAccountId],
      ],
    );
    assert.equal(measure?.history[2]?.note, 'Entregado por el Mecanismo');
    assert.equal(
      (
        await docNorth.put(`/api/incidents/${threat.id}/protection/${measure?.id}/stage`, {
          stage: 'lifted',
          on: '2025-05-01',
          version: 1,
        })
      ).statusCode,
      409,
    );
    assert.deepEqual(await ids(docNorth, 'defenders=true'), [threat.id]);
    const stored = (
      await h().ctx.db.query<{ j: string }>('SELECT row_to_json(t)::text AS j FROM incident_protection_measures t')
    ).rows
      .map((x) => x.j)
      .join();
    assert.ok(!stored.includes('962 555'), 'details are encrypted');
  });

  it("computes a complaint's next deadline with the deadline engine and explains it; records the outcome", async () => {
    const e = await event(docNorth, { title: 'Detención arbitraria en estación migratoria' });
    const bad = await docNorth.post(
      `/api/incidents/${e.id}/complaints`,
      { authority: 'cndh', filedOn: '2025-06-02', deadline: { ruleId: 'mx.no_such_rule', trigger: '2025-06-02' } },
      { 'accept-language': 'es' },
    );
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { code: string; field: string }).code, 'incidents.unknown_deadline_rule');
    const r = await docNorth.post(`/api/incidents/${e.id}/complaints`, {
      authority: 'cndh',
      filedOn: '2025-05-20',
      deadline: { ruleId: 'mx.revision', trigger: '2025-06-02' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const complaint = (r.json() as Incident).complaints[0];
    // 15 working days from the day after 2 June 2025 (LFPA art. 85): 23 June 2025.
    assert.equal(complaint?.nextDeadline, '2025-06-23');
    assert.equal(complaint?.deadline?.dueDate, '2025-06-23');
    assert.match(complaint?.deadline?.explanation.es ?? '', /15 días hábiles/);
    assert.match(complaint?.deadline?.citation ?? '', /LFPA art\. 85/);
    const closed = await docNorth.put(`/api/incidents/${e.id}/complaints/${complaint?.id}/status`, {
      status: 'closed',
      changedOn: '2025-09-01',
      version: complaint?.version,
      deadline: null,
      outcomeKind: 'recommendation_issued',
      outcome: 'Recomendación 45/2025',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    const after = (closed.json() as Incident).complaints[0];
    assert.deepEqual(
      [after?.deadline, after?.nextDeadline, after?.outcomeKind, after?.outcome],
      [null, null, 'recommendation_issued', 'Recomendación 45/2025'],
    );
  });

  it('finds an event by its institution’s ancestors: "INM" includes its detention centres, "Mexican authorities" everything under them', async () => {
    const e = await event(docNorth, {
      title: 'Golpes en la estación migratoria Siglo XXI',
      start: { date: '2024-11-05', precision: 'day' },
    });
    const withVictim = (await (
      await docNorth.post(`/api/incidents/${e.id}/victims`, { count: 3, sex: 'M', ageGroup: '12-17' })
    ).json()) as Incident;
    await docNorth.post(`/api/incidents/${e.id}/perpetrators`, {
      institution: 'inm_detention_centre',
      unit: 'Estación Siglo XXI',
    });
    assert.ok(withVictim.victims.length === 1);
    assert.deepEqual(await ids(docNorth, 'institution=inm'), [e.id]);
    assert.deepEqual(await ids(docNorth, 'institution=state_mx'), [e.id]);
    assert.deepEqual(await ids(docNorth, 'institution=guardia_nacional'), []);
    assert.deepEqual(await ids(docNorth, 'institution=inm&sex=M&ageGroup=12-17&from=2024-11-01&to=2024-11-30'), [e.id]);
    assert.deepEqual(await ids(docNorth, 'institution=inm&sex=F'), []);
  });

  it('exports only shareable events to partners: HXL hashtags, counts by sex and age, no narrative, formulas neutralised', async () => {
    const shareable = await event(docNorth, {
      title: '=HYPERLINK("http://evil.example","x")',
      narrative: 'Relato con nombres: Yesenia',
      confidentiality: 'shareable',
      start: { date: '2025-02-01', precision: 'month' },
    });
    let v = (await (
      await docNorth.post(`/api/incidents/${shareable.id}/victims`, { count: 2, sex: 'F', ageGroup: '18-29' })
    ).json()) as Incident;
    // The coordinator links the person (a documentation officer reads only their team's people).
    v = (await (
      await coordinator.post(`/api/incidents/${shareable.id}/victims`, {
        personId,
        consent: { method: 'signed' },
        ageGroup: '30-59',
      })
    ).json()) as Incident;
    await docNorth.post(`/api/incidents/${shareable.id}/acts`, { type: 'death', victimIds: [v.victims[0]?.id] });
    const internal = await event(docNorth, { title: 'Interno', narrative: 'Secreto interno' });
    const csv = await docNorth.post('/api/incidents/export', {
      format: 'csv',
      ids: [shareable.id, internal.id],
      includeTitles: true,
    });
    assert.equal(csv.statusCode, 200, csv.body);
    assert.equal(csv.headers['x-skipped'], '1');
    const lines = csv.body.trim().split('\r\n');
    assert.match(
      lines[1] ?? '',
      /^#event\+id,#date\+start,#date\+precision,#date\+end,#country\+code,#adm1\+code,#adm2\+code,/,
    );
    assert.ok((lines[1] ?? '').includes('#affected+sex') && (lines[1] ?? '').includes('#affected+killed+num'));
    assert.equal(lines.length, 4, 'two victim groups of the shareable event, nothing of the internal one');
    assert.ok(
      lines.some((l) => l.includes(',F,18-29,2,2,')),
      'two women 18-29 killed',
    );
    assert.ok(
      lines.some((l) => l.includes(',F,30-59,1,0,')),
      'the linked person only as a count',
    );
    assert.ok(csv.body.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), 'formula neutralised');
    for (const secret of ['Relato', 'Yesenia', 'Quiñónez', 'Secreto', personId, internal.id])
      assert.ok(!csv.body.includes(secret), secret);
    const json = await docNorth.post('/api/incidents/export', { format: 'json', ids: [shareable.id, internal.id] });
    const body = json.json() as {
      events: { id: string; title?: string; victims: { count: number }[] }[];
      skipped: number;
    };
    assert.deepEqual(
      body.events.map((x) => x.id),
      [shareable.id],
    );
    assert.equal(body.events[0]?.title, undefined, 'no title unless asked for');
    assert.ok(!json.body.includes('Relato') && !json.body.includes(personId));
    // A restricted event of another team is neither exported nor revealed.
    const hidden = await event(docNorth, { title: 'Restringido', confidentiality: 'restricted' });
    const south = await docSouth.post('/api/incidents/export', { format: 'json', ids: [hidden.id] });
    assert.deepEqual((south.json() as { events: unknown[] }).events, []);
  });

  it('refuses an evidence file over the configured size with a translated error, and keeps nothing', async () => {
    const e = await event(docNorth, { title: 'Video demasiado grande' });
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(21 * 1024 * 1024)]);
    const r = await docNorth.put(`/api/incidents/${e.id}/evidence`, big, {
      'content-type': 'image/jpeg',
      'x-file-name': 'grande.jpg',
      'accept-language': 'es',
    });
    assert.equal(r.statusCode, 413);
    assert.equal((r.json() as { code: string; message: string }).code, 'validation.body_too_large');
    assert.match((r.json() as { message: string }).message, /demasiado grande/);
    const { rows } = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM incident_evidence WHERE event_id = $1',
      [e.id],
    );
    assert.equal(rows[0]?.n, 0);
  });

  it("writes a redacted PDF for a complaint: the title is there, the victim's name is not", async () => {
    const e = await event(docNorth, {
      title: 'Extorsión a Yesenia en el retén de Viva México',
      narrative:
        'Yesenia Quiñónez declaró que agentes le exigieron dinero; su teléfono es 962 123 4567 y su correo yesenia@example.org. '.repeat(
          40,
        ),
    });
    assert.equal(
      (await coordinator.post(`/api/incidents/${e.id}/victims`, { personId, consent: { method: 'oral_with_witness' } }))
        .statusCode,
      201,
    );
    const r = await docNorth.get(`/api/incidents/${e.id}/report.pdf?lang=es`);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.headers['content-type'], 'application/pdf');
    const pdf = r.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf);
    assert.match(text, /Informe de evento/);
    assert.match(text, /Extorsión a \[testado\] en el retén de Viva México/);
    for (const secret of ['Yesenia', 'Quiñónez', '4567', 'yesenia@'])
      assert.ok(!text.includes(secret), `${secret} in the PDF`);
    assert.equal(pdfPageCount(pdf), 2, 'the long narrative runs onto a second page');
    assert.match(text, /Página 2 de 2/);
    assert.equal(
      (await docSouth.get(`/api/incidents/${e.id}/report.pdf`)).statusCode,
      200,
      'an internal event: any documentation officer of the organisation',
    );
  });
});
