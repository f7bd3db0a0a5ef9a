// Journey 3 of USER-JOURNEYS.md: documenting an extortion at a checkpoint near Huixtla. The
// documentation officer records the event, five victims (Dania linked to her record with
// consent, four counted anonymously), the act "extortion" by unknown uniformed officers
// (possibly National Guard), uploads a photo of the receipt (hash shown, verified later) and
// records the complaint to the CNDH with its file number.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';

interface Incident {
  id: string;
  victimCount: number;
  victims: { id: string; personId: string | null; count: number; sex: string }[];
  perpetrators: {
    id: string;
    institution: string;
    suspectedInstitution: string | null;
    attribution: string;
    unit?: string;
  }[];
  acts: { type: string; victimIds: string[]; perpetratorIds: string[]; label: { es: string } }[];
  evidence: { id: string; sha256: string }[];
  complaints: {
    id: string;
    authority: string;
    fileNumber?: string;
    status: string;
    version: number;
    history: { status: string }[];
  }[];
}

const NARRATIVE = 'En el retén cerca de Huixtla, agentes uniformados exigieron 500 pesos por persona';
const FILE_NUMBER = 'CNDH/5/2025/4471/Q';
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  randomBytes(2000),
  Buffer.from([0xff, 0xd9]),
]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);

describeOnBothDatabases('incidents: journey 3, extortion at a checkpoint', (h) => {
  let doc: ApiClient;
  let caseworker: ApiClient;
  let outsider: ApiClient;
  let personId: string;
  let event: Incident;
  let evidenceId: string;

  before(async () => {
    h().clock.now = new Date('2025-05-20T16:00:00Z');
    const orgId = await h().createOrg('albergue-huixtla');
    for (const [email, role] of [
      ['doc@huixtla.example', 'documentation_officer'],
      ['cw@huixtla.example', 'caseworker'],
    ] as const) {
      await h().ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Frontera sur'],
      });
    }
    await h().createAccount({ org: 'otra-org', email: 'doc@otra.example', role: 'documentation_officer' });
    caseworker = await h().login('cw@huixtla.example');
    doc = await h().login('doc@huixtla.example');
    outsider = await h().login('doc@otra.example');
    const person = await caseworker.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      nationality: 'HN',
    });
    assert.equal(person.statusCode, 201, person.body);
    personId = (person.json() as { id: string }).id;
  });

  const newEvent = (overrides: Record<string, unknown> = {}) => ({
    title: 'Extorsión en retén cerca de Huixtla',
    narrative: NARRATIVE,
    start: { date: '2025-05-18', precision: 'day' },
    place: { country: 'MX', stateCode: '07', municipalityCode: '07040', locality: 'Retén km 12' },
    routeSegment: 'southern_border',
    contextTags: ['checkpoint'],
    ...overrides,
  });

  it('lets a documentation officer, not a caseworker, create the event', async () => {
    assert.equal((await caseworker.post('/api/incidents', newEvent())).statusCode, 403);
    const bad = await doc.post('/api/incidents', newEvent({ end: { date: '2025-05-01', precision: 'day' } }), {
      'accept-language': 'es',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { code: string }).code, 'incidents.end_before_start');
    const created = await doc.post('/api/incidents', newEvent());
    assert.equal(created.statusCode, 201, created.body);
    event = created.json() as Incident;
  });

  it('records five victims (one linked with consent, four anonymous), an unknown perpetrator and the act', async () => {
    assert.equal(
      (await doc.post(`/api/incidents/${event.id}/victims`, { personId })).statusCode,
      400,
      'consent is required to link',
    );
    assert.equal(
      (await doc.post(`/api/incidents/${event.id}/victims`, { personId, consent: { method: 'signed' } })).statusCode,
      201,
    );
    let r = await doc.post(`/api/incidents/${event.id}/victims`, { count: 4, sex: 'M', ageGroup: '18-29' });
    assert.equal(r.statusCode, 201, r.body);
    r = await doc.post(`/api/incidents/${event.id}/perpetrators`, {
      institution: 'unknown',
      suspectedInstitution: 'guardia_nacional',
      attribution: 'possible',
      unit: 'Agentes uniformados desconocidos',
    });
    assert.equal(r.statusCode, 201, r.body);
    event = r.json() as Incident;
    const perpetrator = event.perpetrators[0];
    assert.equal(perpetrator?.suspectedInstitution, 'guardia_nacional');
    assert.equal(
      (await doc.post(`/api/incidents/${event.id}/acts`, { type: 'extortion', victimIds: [] })).statusCode,
      400,
    );
    assert.equal(
      (
        await doc.post(`/api/incidents/${event.id}/acts`, {
          type: 'bribery',
          victimIds: event.victims.map((v) => v.id),
        })
      ).statusCode,
      400,
    );
    r = await doc.post(`/api/incidents/${event.id}/acts`, {
      type: 'extortion',
      victimIds: event.victims.map((v) => v.id),
      perpetratorIds: [perpetrator?.id],
    });
    assert.equal(r.statusCode, 201, r.body);
    event = r.json() as Incident;
    assert.equal(event.victimCount, 5);
    assert.equal(event.victims.find((v) => v.personId === personId)?.sex, 'F');
    assert.equal(event.acts[0]?.label.es, 'Extorsión');
    assert.equal(event.acts[0]?.victimIds.length, 2);
  });

  it('stores the receipt photo encrypted, shows its hash and verifies it', async () => {
    const refused = await doc.put(`/api/incidents/${event.id}/evidence`, png, {
      'content-type': 'application/pdf',
      'x-file-name': 'recibo.pdf',
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal((refused.json() as { code: string }).code, 'incidents.evidence_type_mismatch');
    const up = await doc.put(`/api/incidents/${event.id}/evidence`, jpeg, {
      'content-type': 'image/jpeg',
      'x-file-name': encodeURIComponent('recibo retén.jpg'),
    });
    assert.equal(up.statusCode, 201, up.body);
    const uploaded = up.json() as { id: string; sha256: string; kind: string };
    evidenceId = uploaded.id;
    assert.equal(uploaded.kind, 'photo');
    assert.match(uploaded.sha256, /^[0-9a-f]{64}$/);
    const got = await doc.get(`/api/incidents/${event.id}/evidence/${evidenceId}`);
    assert.equal(got.statusCode, 200);
    assert.match(String(got.headers['content-disposition']), /^attachment;/);
    assert.deepEqual(got.rawPayload, jpeg);
    const verify = await doc.get(`/api/incidents/${event.id}/evidence/${evidenceId}/verify`);
    assert.deepEqual(verify.json(), {
      ok: true,
      sha256Recorded: uploaded.sha256,
      sha256Computed: uploaded.sha256,
      reason: null,
    });
    const stored = await h().ctx.db.query<{ content: unknown }>('SELECT content FROM incident_evidence WHERE id = $1', [
      evidenceId,
    ]);
    assert.ok(
      !Buffer.from(stored.rows[0]?.content as Uint8Array).includes(jpeg.subarray(0, 64)),
      'the file is not stored in clear',
    );
  });

  it('records a complaint to the CNDH and follows its status', async () => {
    const r = await doc.post(`/api/incidents/${event.id}/complaints`, {
      authority: 'cndh',
      fileNumber: FILE_NUMBER,
      filedOn: '2025-05-20',
    });
    assert.equal(r.statusCode, 201, r.body);
    const complaint = (r.json() as Incident).complaints[0];
    assert.equal(complaint?.fileNumber, FILE_NUMBER);
    const changed = await doc.put(`/api/incidents/${event.id}/complaints/${complaint?.id}/status`, {
      status: 'admitted',
      changedOn: '2025-06-02',
      version: complaint?.version,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      (changed.json() as Incident).complaints[0]?.history.map((x) => x.status),
      ['filed', 'admitted'],
    );
    assert.equal(
      (
        await doc.put(`/api/incidents/${event.id}/complaints/${complaint?.id}/status`, {
          status: 'closed',
          changedOn: '2025-06-03',
          version: complaint?.version,
        })
      ).statusCode,
      409,
    );
  });

  it('lists events filtered by act, institution (rolled up) and state, in SQL', async () => {
    const other = (
      await doc.post(
        '/api/incidents',
        newEvent({
          title: 'Robo en el tren',
          start: { date: '2025-04-02', precision: 'day' },
          place: { country: 'MX', stateCode: '30' },
        }),
      )
    ).json() as Incident;
    const v = (await doc.post(`/api/incidents/${other.id}/victims`, { count: 2 })).json() as Incident;
    await doc.post(`/api/incidents/${other.id}/acts`, { type: 'robbery', victimIds: [v.victims[0]?.id] });
    const ids = async (qs: string) =>
      ((await doc.get(`/api/incidents?${qs}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    assert.deepEqual(await ids('act=extortion&state=07'), [event.id]);
    assert.deepEqual(await ids('act=extortion&state=30'), []);
    assert.deepEqual(await ids('institution=state_mx'), [event.id]);
    assert.deepEqual(await ids('month=2025-04'), [other.id]);
    const page1 = (await doc.get('/api/incidents?limit=1')).json() as { items: { id: string }[]; nextCursor: string };
    assert.deepEqual(
      page1.items.map((i) => i.id),
      [event.id],
    );
    assert.deepEqual(await ids(`limit=1&cursor=${page1.nextCursor}`), [other.id]);
  });

  it('keeps the narrative and the file number out of the database in clear', async () => {
    for (const table of ['incident_events', 'incident_complaints', 'incident_perpetrators', 'incident_evidence']) {
      const dump = (await h().ctx.db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${table} t`)).rows
        .map((r) => r.j)
        .join('\n');
      for (const secret of [NARRATIVE, FILE_NUMBER, 'Retén km 12', 'Agentes uniformados', 'recibo']) {
        assert.ok(
          !dump.includes(secret) && !dump.includes(Buffer.from(secret).toString('hex')),
          `${secret} in clear in ${table}`,
        );
      }
    }
  });

  it("answers 404 to another organisation's documentation officer", async () => {
    assert.equal((await outsider.get(`/api/incidents/${event.id}`)).statusCode, 404);
    assert.equal((await outsider.get(`/api/incidents/${event.id}/evidence/${evidenceId}`)).statusCode, 404);
    assert.deepEqual(((await outsider.get('/api/incidents')).json() as { items: unknown[] }).items, []);
  });

  it('refuses to serve or verify a file whose stored ciphertext was altered, and records it', async () => {
    await h().ctx.db.query(
      'UPDATE incident_evidence SET content = set_byte(content, 60, (get_byte(content, 60) + 1) % 256) WHERE id = $1',
      [evidenceId],
    );
    const got = await doc.get(`/api/incidents/${event.id}/evidence/${evidenceId}`, { 'accept-language': 'en' });
    assert.equal(got.statusCode, 409);
    assert.equal((got.json() as { code: string }).code, 'incidents.evidence_integrity_failed');
    const verify = (await doc.get(`/api/incidents/${event.id}/evidence/${evidenceId}/verify`)).json() as {
      ok: boolean;
      reason: string;
    };
    assert.deepEqual([verify.ok, verify.reason], [false, 'ciphertext_altered']);
    const custody = (await doc.get(`/api/incidents/${event.id}/evidence/${evidenceId}/custody`)).json() as {
      items: { action: string }[];
    };
    assert.deepEqual(
      custody.items.map((c) => c.action),
      ['uploaded', 'viewed', 'verified', 'verify_failed', 'verify_failed'],
    );
  });
});
