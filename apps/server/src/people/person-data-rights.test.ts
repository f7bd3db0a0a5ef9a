// A person's rights of access and erasure across every module (decision 0118). Xiomara was
// screened, has a differentiated profile, travels with her son, has a case with a note, a plan
// and a scanned document, an asylum procedure with a hearing, a referral to a partner and a link
// to a documented extortion. Her export holds all of it, decrypted; after she asks to be erased,
// nothing of her is left in any table, in clear or under the organisation's key, while the audit
// chain verifies, the stub says what was erased (counts, never values), her case still counts as
// a closed case and the partner's copy of the referral says it was erased at her request.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { legalIdentityService } from '../directory/directory-fixtures.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { encryptedColumns } from '../kernel/crypto/key-rotation.ts';

// Markers that exist only in Xiomara's data: none may survive her erasure anywhere.
const GIVEN = 'Xiomara Yaneth';
const SURNAMES = 'Ixcoy Quetzalí';
const DOCUMENT = 'HN-0099887766';
const NOTE = 'Teme que su expareja la encuentre en Tapachula';
const TASK = 'Acompañar a la fiscalía especializada';
const JUDGE = 'IJ Winifred Okonkwo-Baptiste';
const markers = [
  /Xiomara/i,
  /Ixcoy/i,
  /Quetzal/i,
  /0099887766/,
  /expareja/i,
  /fiscal[ií]a especializada/i,
  /Okonkwo/i,
  /gang_threats/,
  /violence_survivor/,
];
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(`Pasaporte de ${GIVEN} ${SURNAMES} ${DOCUMENT}\n`),
  Buffer.from('%%EOF\n'),
]);

interface Exported {
  person: { givenNames: string };
  sections: Record<string, unknown>;
}

describeOnBothDatabases("a person's right of access and erasure", (h) => {
  let worker: ApiClient;
  let coordinator: ApiClient;
  let admin: ApiClient;
  let partner: ApiClient;
  let personId: string;
  let sonId: string;
  let caseId: string;
  let referralId: string;
  let familyId: string;
  let caravanId: string;
  let eventId: string;

  before(async () => {
    h().clock.now = new Date('2025-05-20T16:00:00Z');
    const orgId = await h().createOrg('albergue');
    for (const [email, role] of [
      ['cw@albergue.example', 'caseworker'],
      ['coord@albergue.example', 'coordinator'],
      ['admin@albergue.example', 'admin'],
    ] as const) {
      await h().ctx.accounts.createAccount({ orgId, email, password: TEST_PASSWORD, role, totpExempt: true });
    }
    await h().createAccount({ org: 'identidad', email: 'coord@identidad.example', role: 'coordinator' });
    worker = await h().login('cw@albergue.example');
    coordinator = await h().login('coord@albergue.example');
    admin = await h().login('admin@albergue.example');
    partner = await h().login('coord@identidad.example');
  });

  const ok = (response: { statusCode: number; body: string }, status = 201) => {
    assert.equal(response.statusCode, status, response.body);
    return JSON.parse(response.body) as Record<string, unknown> & { id: string; version: number };
  };

  it('sets up Xiomara with data in every module', async () => {
    const person = ok(
      await worker.post('/api/people', {
        givenNames: GIVEN,
        surnames: SURNAMES,
        sex: 'F',
        birthDate: '1993-02-11',
        nationality: 'HN',
        documents: [{ type: 'passport', number: DOCUMENT }],
        notes: 'Llegó sola.',
      }),
    );
    personId = person.id;
    sonId = ok(
      await worker.post('/api/people', { givenNames: 'Brayan', surnames: 'López', sex: 'M', estimatedAge: 8 }),
    ).id;
    for (const purpose of ['care', 'referral', 'statistics'])
      ok(await worker.post(`/api/people/${personId}/consents`, { purpose, method: 'signed' }));
    ok(
      await worker.post(`/api/people/${personId}/screenings`, {
        questionnaireId: 'international_protection',
        answers: { fear_of_return: true, fear_reasons: ['gang_threats'], days_in_mexico: 1 },
      }),
    );
    ok(
      await worker.request({
        method: 'PUT',
        url: `/api/people/${personId}/profile`,
        payload: {
          version: person.version,
          indicators: ['violence_survivor'],
          notes: 'Sobreviviente; prefiere atención con mujeres.',
        },
      }),
      200,
    );
    familyId = ok(
      await worker.post('/api/households', {
        kind: 'family',
        label: `Familia de ${GIVEN}`,
        notes: 'Viajan juntos desde Choloma.',
        members: [
          { personId, relationship: 'self' },
          { personId: sonId, relationship: 'child', responsibleAdultId: personId },
        ],
      }),
    ).id;
    caravanId = ok(
      await worker.post('/api/households', {
        kind: 'caravan_group',
        label: 'Grupo del 12 de mayo',
        members: [{ personId, relationship: 'self' }],
      }),
    ).id;

    caseId = ok(await admin.post('/api/cases', { personId })).id;
    ok(await admin.post(`/api/cases/${caseId}/notes`, { text: NOTE }));
    ok(await admin.post(`/api/cases/${caseId}/tasks`, { description: TASK, dueOn: '2025-06-01' }));
    ok(await admin.post(`/api/cases/${caseId}/tasks`, { key: 'comar_application', dueOn: '2025-06-15' }));
    ok(
      await admin.request({
        method: 'PUT',
        url: `/api/cases/${caseId}/attachments`,
        payload: PDF,
        headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(`pasaporte-${GIVEN}.pdf`) },
      }),
    );

    const procedure = ok(await admin.post('/api/procedures', { personId, type: 'us.asylum.defensive' }));
    ok(
      await admin.put(`/api/procedures/${procedure.id}/steps/master_hearing`, {
        trigger: '2025-07-10',
        details: { court: 'Immigration Court, San Diego', judge: JUDGE },
      }),
      200,
    );

    const service = ok(
      await partner.post('/api/directory/services', { ...legalIdentityService(), acceptsReferrals: true }),
    ) as unknown as { service: { id: string } };
    referralId = ok(
      await worker.post('/api/referrals', {
        personId,
        toServiceId: service.service.id,
        urgency: 'urgent',
        reason: `${GIVEN} necesita acta de nacimiento.`,
        sharedFields: ['name', 'birthDate'],
      }),
    ).id;

    const event = ok(
      await admin.post('/api/incidents', {
        title: 'Extorsión en retén cerca de Huixtla',
        start: { date: '2025-05-18', precision: 'day' },
        place: { country: 'MX', stateCode: '07' },
      }),
    );
    eventId = event.id;
    ok(await admin.post(`/api/incidents/${eventId}/victims`, { personId, consent: { method: 'signed' } }));
  });

  it('exports every section with its content decrypted, and audits the export listing the sections', async () => {
    const body = ok(await coordinator.get(`/api/people/${personId}/export`), 200) as unknown as Exported;
    const s = body.sections as Record<string, Record<string, unknown>[] & Record<string, unknown>>;
    assert.equal(body.person.givenNames, GIVEN);
    assert.deepEqual((s.screenings?.[0]?.answers as { fear_reasons: string[] }).fear_reasons, ['gang_threats']);
    assert.deepEqual(
      (s.screenings?.[0]?.flags as { flag: string }[]).map((f) => f.flag),
      ['international_protection_needs'],
    );
    assert.deepEqual((s.profile as unknown as { recorded: string[] }).recorded, ['violence_survivor']);
    const households = s.households as unknown as {
      householdId: string;
      relationship: string;
      otherMembers: { relationship: string }[];
    }[];
    const byId = new Map(households.map((x) => [x.householdId, [x.relationship, x.otherMembers]]));
    assert.deepEqual(
      [byId.size, byId.get(familyId), byId.get(caravanId)],
      [2, ['self', [{ relationship: 'child' }]], ['self', []]],
    );
    assert.doesNotMatch(JSON.stringify(households), /Brayan|López/, "another member's name is not hers to receive");
    const kase = (
      s.cases as unknown as {
        id: string;
        notes: { text: string }[];
        plan: { description: string | null; key: string | null }[];
        attachments: Record<string, unknown>[];
      }[]
    )[0];
    assert.equal(kase?.id, caseId);
    assert.deepEqual(
      kase?.notes.map((n) => n.text),
      [NOTE],
    );
    assert.deepEqual(
      kase?.plan.map((t) => t.description ?? t.key),
      [TASK, 'comar_application'],
    );
    assert.deepEqual(Object.keys(kase?.attachments[0] ?? {}).sort(), [
      'contentType',
      'id',
      'name',
      'sha256',
      'sizeBytes',
      'uploadedAt',
    ]);
    assert.equal(kase?.attachments[0]?.name, `pasaporte-${GIVEN}.pdf`);
    assert.equal(kase?.attachments[0]?.sizeBytes, PDF.length);
    const steps = (
      s.procedures as unknown as { type: string; steps: { step: string; details: Record<string, string> | null }[] }[]
    )[0];
    assert.equal(steps?.type, 'us.asylum.defensive');
    assert.equal(steps?.steps.find((x) => x.step === 'master_hearing')?.details?.judge, JUDGE);
    const referral = (
      s.referrals as unknown as { to: { organisation: string }; sharedFields: string[]; status: string }[]
    )[0];
    assert.deepEqual(
      [referral?.to.organisation, referral?.sharedFields, referral?.status],
      ['Org identidad', ['name', 'birthDate'], 'sent'],
    );
    assert.deepEqual((s.incidents as unknown as { event: { id: string; title: string } | null }[])[0]?.event, {
      id: eventId,
      title: 'Extorsión en retén cerca de Huixtla',
      startDate: '2025-05-18',
    });
    const { rows } = await h().ctx.db.query<{ fields: string[] }>(
      "SELECT fields FROM audit_log WHERE action = 'person.export' AND record_id = $1",
      [personId],
    );
    for (const section of ['screenings', 'profile', 'households', 'cases', 'procedures', 'referrals', 'incidents'])
      assert.ok(rows[0]?.fields.includes(section), section);
  });

  it('tells a caseworker who may not read incidents only that a link exists', async () => {
    const body = ok(await worker.get(`/api/people/${personId}/export`), 200) as unknown as Exported;
    const links = body.sections.incidents as { linked: boolean; event: unknown }[];
    assert.deepEqual(
      links.map((l) => [l.linked, l.event]),
      [[true, null]],
    );
    assert.doesNotMatch(JSON.stringify(body.sections.incidents), /Huixtla/);
  });

  it('erases her from every table, in clear and under the key, leaving an audit stub with counts', async () => {
    assert.equal((await admin.request({ method: 'DELETE', url: `/api/people/${personId}` })).statusCode, 204);
    const db = h().ctx.db;
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    assert.ok(tables.rows.length > 20);
    for (const { table_name: table } of tables.rows) {
      const { rows } = await db.query<{ dump: string }>(`SELECT row_to_json(t)::text AS dump FROM "${table}" t`);
      for (const row of rows)
        for (const marker of markers) assert.doesNotMatch(row.dump, marker, `${table} still holds ${marker}`);
    }
    // Ciphertext is no hiding place: every registered encrypted column, decrypted, is clean too.
    for (const c of encryptedColumns()) {
      const exists = tables.rows.some((t) => t.table_name === c.table);
      if (!exists) continue;
      const { rows } = await db.query<{ org: string; value: Uint8Array }>(
        `SELECT ${c.orgColumn}::text AS org, ${c.column} AS value FROM ${c.table} WHERE ${c.column} IS NOT NULL`,
      );
      for (const row of rows) {
        if (Buffer.from(row.value).length === 0) continue;
        const text = await h().ctx.keyring.decrypt(row.org, c.context, row.value);
        for (const marker of markers) {
          assert.doesNotMatch(text, marker, `${c.table}.${c.column} still holds ${marker}`);
          assert.doesNotMatch(
            Buffer.from(text, 'base64').toString('latin1'),
            marker,
            `${c.table}.${c.column} (file) still holds ${marker}`,
          );
        }
      }
    }
    const verification = await verifyAuditChain(db, h().ctx.keyring.systemKey('audit'));
    assert.equal(verification.ok, true, JSON.stringify(verification));
    const stub = await db.query<{ details: Record<string, unknown> | string }>(
      "SELECT details FROM audit_log WHERE action = 'person.delete' AND record_id = $1",
      [personId],
    );
    const details =
      typeof stub.rows[0]?.details === 'string'
        ? (JSON.parse(stub.rows[0].details) as Record<string, unknown>)
        : stub.rows[0]?.details;
    assert.deepEqual(
      [
        'screenings.screenings',
        'profile.profile',
        'households.memberships',
        'households.deleted',
        'households.textCleared',
        'cases.notes',
        'cases.attachments',
        'cases.tasks',
        'cases.closed',
        'procedures.closed',
        'referrals.referrals',
        'incidents.victimLinks',
      ].map((k) => details?.[k]),
      [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    );
  });

  it('keeps her case as a closed stub that still counts, and the son in his family', async () => {
    const closed = ok(await admin.get('/api/cases?status=closed'), 200) as unknown as {
      items: { id: string; status: string }[];
    };
    assert.deepEqual(
      closed.items.filter((c) => c.id === caseId).map((c) => c.status),
      ['closed'],
    );
    // The organisation's case statistics still count her case, now closed (and her referral).
    const stats = ok(await admin.get('/api/stats/cases.status?by=status'), 200) as unknown as {
      cells: { keys: (string | null)[]; count: number }[];
    };
    assert.deepEqual(
      stats.cells.map((c) => [c.keys[0], c.count]),
      [
        ['closed', 1],
        [null, 1],
      ],
    );
    const referrals = ok(await admin.get('/api/stats/referrals.status?by=status'), 200) as unknown as {
      cells: { keys: (string | null)[]; count: number }[];
    };
    assert.deepEqual(
      referrals.cells.map((c) => [c.keys[0], c.count]),
      [
        ['closed_no_outcome', 1],
        [null, 1],
      ],
    );
    const events = await h().ctx.db.query<{ data: unknown }>(
      "SELECT data FROM case_events WHERE case_id = $1 AND kind = 'closed'",
      [caseId],
    );
    assert.match(JSON.stringify(events.rows.map((r) => r.data)), /erased/);
    const family = ok(await worker.get(`/api/households/${familyId}`), 200) as unknown as {
      label?: string;
      notes?: string;
      members: { personId: string; responsibleAdultId: string | null }[];
    };
    assert.deepEqual(
      family.members.map((m) => [m.personId, m.responsibleAdultId]),
      [[sonId, null]],
    );
    assert.equal(family.label, undefined, 'a label naming her is cleared');
    assert.equal(family.notes, 'Viajan juntos desde Choloma.');
    assert.equal((await worker.get(`/api/households/${caravanId}`)).statusCode, 404);
    const victims = await h().ctx.db.query<{ person_id: string | null; count: number; sex: string }>(
      'SELECT person_id, count, sex FROM incident_victims WHERE event_id = $1',
      [eventId],
    );
    assert.deepEqual(
      victims.rows.map((v) => [v.person_id, Number(v.count), v.sex]),
      [[null, 1, 'F']],
      'one anonymous victim, her sex kept under her statistics consent',
    );
    const procedures = await h().ctx.db.query<{ closed: boolean }>(
      'SELECT closed_at IS NOT NULL AS closed FROM procedures WHERE person_id = $1',
      [personId],
    );
    assert.deepEqual(
      procedures.rows.map((p) => p.closed),
      [true],
    );
  });

  it("shows the partner's copy of the referral as erased at the person's request", async () => {
    const seen = ok(await partner.get(`/api/referrals/${referralId}`), 200) as unknown as {
      personErased: boolean;
      snapshot: unknown;
      reason: unknown;
      status: string;
    };
    assert.deepEqual(
      [seen.personErased, seen.snapshot, seen.reason, seen.status],
      [true, null, null, 'closed_no_outcome'],
    );
    const sent = ok(await worker.get(`/api/referrals/${referralId}`), 200) as unknown as {
      personErased: boolean;
      reason: unknown;
    };
    assert.deepEqual([sent.personErased, sent.reason], [true, null]);
  });
});
