// Ante-mortem and post-mortem records and the forensic workflow of remains (decision 0147), on both
// databases: structured data stored encrypted and read back; bad input refused naming its field;
// a report and remains without a name matched by their teeth and a tattoo, with reasons naming
// them, in both directions (the remains examined after the report: on the job queue); the pair
// side by side; and the workflow from examination to release, two people confirming and nothing
// recorded as told to the family before that.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';

interface Candidate {
  id: string;
  candidateKind: string;
  candidateId: string;
  score: number;
  reviewStatus: string;
  explanation: { engine?: string; fields: { field: string; level: number; label: string; weight: number }[] };
}
interface Problem {
  code: string;
  field?: string;
  errors?: { code: string; field?: string }[];
}

const postMortem = {
  examinedOn: '2025-05-02',
  sexEstimate: { sex: 'M', method: 'pelvis' },
  ageEstimate: { min: 20, max: 30, method: 'pubic-symphysis' },
  stature: { minCm: 165, maxCm: 175, method: 'long-bones' },
  deathWindow: { from: '2025-03-01', to: '2025-04-15', method: 'decomposition' },
  condition: 'advanced-decomposition',
  tattoos: [{ location: 'left-forearm', view: 'front', motif: 'rose' }],
  marks: [{ kind: 'scar', region: 'abdomen', view: 'front' }],
  dentalCharted: true,
  dental: [
    { tooth: 21, state: 'crown-gold' },
    { tooth: 36, state: 'filling' },
    { tooth: 46, state: 'missing' },
    { tooth: 18, state: 'not-observable' },
  ],
  clothing: [{ garment: 'jeans', colour: 'blue' }],
  whereabouts: { status: 'common-grave', place: 'Panteón municipal de Arriaga', grave: 'Sección 4, fila 2, fosa 17' },
  dnaSamples: [
    {
      tissue: 'tooth',
      takenOn: '2025-05-02',
      laboratory: 'Laboratorio de Genética Forense',
      kit: 'Kit DNA-PM lote 7',
      sampleCode: 'PM-2025-017',
      custody: [{ event: 'collected', on: '2025-05-02', by: 'Dra. Ruiz', to: 'Laboratorio' }],
    },
  ],
};

const anteMortem = {
  statureMinCm: 168,
  statureMaxCm: 172,
  build: 'slim',
  hairColour: 'black',
  eyeColour: 'dark-brown',
  tattoos: [{ location: 'left-forearm', view: 'front', motif: 'rose', description: 'Rosa con el nombre de su madre' }],
  marks: [{ kind: 'scar', region: 'abdomen', view: 'front', description: 'Operación de apéndice' }],
  dental: [
    { tooth: 21, state: 'crown-gold' },
    { tooth: 36, state: 'filling' },
  ],
  clothing: [{ garment: 'jeans', colour: 'blue', brand: 'levis' }],
  medicalConditions: 'Asma',
  recordHolders: [{ kind: 'dentist', name: 'Clínica Dental Sonrisa', place: 'Choloma' }],
  dnaReferenceSamples: [
    {
      donorName: 'Rosa Hernández',
      relationship: 'mother',
      collectedOn: '2025-06-10',
      consentSigned: true,
      laboratory: 'Laboratorio de Genética Forense',
      sampleCode: 'AM-2025-044',
      custody: [{ event: 'collected', on: '2025-06-10', by: 'Comité', to: 'Laboratorio' }],
    },
  ],
};

describeOnBothDatabases('ante-mortem and post-mortem records and the forensic workflow', (h) => {
  let karla: ApiClient;
  let carmen: ApiClient;
  let remainsId: string;
  let decoyId: string;
  let reportId: string;
  let pairId: string;
  const runJobs = () => createServerJobs(h().ctx).queue.runDueJobs();
  const created = async (c: ApiClient, url: string, body: object) => {
    const r = await c.post(url, body);
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as { id: string; version: number };
  };
  const candidates = async (id: string) => {
    const r = await karla.get(`/api/missing/reports/${id}/candidates`);
    assert.equal(r.statusCode, 200, r.body);
    return (r.json() as { items: Candidate[] }).items;
  };
  const refused = async (c: ApiClient, url: string, body: object, method: 'POST' | 'PUT' = 'POST') => {
    const r = await c.request({ method, url, payload: body });
    assert.equal(r.statusCode >= 400 && r.statusCode < 500, true, r.body);
    return { status: r.statusCode, ...(r.json() as Problem) };
  };

  it('sets up a committee with two reviewers', async () => {
    await h().createAccount({ org: 'comite', email: 'karla@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'comite', email: 'carmen@comite.example', role: 'coordinator' });
    karla = await h().login('karla@comite.example');
    carmen = await h().login('carmen@comite.example');
  });

  it('stores the post-mortem examination encrypted and reads it back', async () => {
    const remains = await created(karla, '/api/missing/found', {
      kind: 'unidentified_remains',
      foundOn: '2025-04-20',
      foundPlace: 'Arriaga, Chiapas',
      custodian: { agency: 'Servicio Médico Forense de Chiapas', fileNumber: 'SEMEFO-2025-0412' },
      postMortem,
    });
    remainsId = remains.id;
    const read = await karla.get(`/api/missing/found/${remainsId}`);
    assert.equal(read.statusCode, 200, read.body);
    const record = read.json() as { postMortem: typeof postMortem; forensicStage: string; sex?: string };
    assert.deepEqual(record.postMortem.dental, postMortem.dental);
    assert.equal(record.postMortem.whereabouts.grave, 'Sección 4, fila 2, fosa 17');
    assert.equal(record.postMortem.dnaSamples[0]?.custody[0]?.by, 'Dra. Ruiz');
    assert.equal(record.forensicStage, 'registered');
    // A look-alike: same sex, age and window, but a sound upper left central incisor.
    decoyId = (
      await created(karla, '/api/missing/found', {
        kind: 'unidentified_remains',
        foundOn: '2025-04-22',
        foundPlace: 'Tonalá, Chiapas',
        postMortem: {
          ...postMortem,
          tattoos: [{ location: 'chest', motif: 'eagle' }],
          dental: [{ tooth: 36, state: 'filling' }],
        },
      })
    ).id;
    const { rows } = await h().ctx.db.query<{ pm: string }>(
      "SELECT encode(post_mortem, 'escape') AS pm FROM found_records WHERE id = $1",
      [remainsId],
    );
    assert.ok(rows[0]?.pm, 'the examination is stored');
    for (const clear of ['crown-gold', 'rose', 'Sección 4', 'PM-2025-017', 'Dra. Ruiz'])
      assert.equal(rows[0]?.pm.includes(clear), false, `${clear} is not stored in clear`);
  });

  it('refuses an unknown tooth, body location or state, a window ending before it starts, an impossible stature', async () => {
    const found = (pm: object) => ({ kind: 'unidentified_remains', postMortem: { ...postMortem, ...pm } });
    const cases: [object, string, string][] = [
      [found({ dental: [{ tooth: 19, state: 'filling' }] }), 'postMortem.dental.0.tooth', 'validation.invalid_value'],
      [found({ dental: [{ tooth: 21, state: 'gold' }] }), 'postMortem.dental.0.state', 'validation.invalid_value'],
      [
        found({ tattoos: [{ location: 'left-ear', motif: 'star' }] }),
        'postMortem.tattoos.0.location',
        'validation.invalid_value',
      ],
      [found({ marks: [{ kind: 'scar', region: 'elbow' }] }), 'postMortem.marks.0.region', 'validation.invalid_value'],
      [
        found({ deathWindow: { from: '2025-04-15', to: '2025-03-01' } }),
        'postMortem.deathWindow.to',
        'missing.death_window_inverted',
      ],
      [found({ stature: { minCm: 160, maxCm: 300 } }), 'postMortem.stature.maxCm', 'validation.too_big'],
      [
        found({
          dental: [
            { tooth: 21, state: 'crown' },
            { tooth: 21, state: 'filling' },
          ],
        }),
        'postMortem.dental.1.tooth',
        'missing.tooth_twice',
      ],
    ];
    for (const [body, field, code] of cases) {
      const r = await refused(karla, '/api/missing/found', body);
      assert.equal(r.status, 400, JSON.stringify(r));
      assert.equal(r.field, field);
      assert.equal(r.code, code);
    }
    const am = await refused(karla, '/api/missing/reports', {
      sex: 'M',
      anteMortem: { statureMinCm: 30, dental: [{ tooth: 11, state: 'not-observable' }] },
    });
    assert.equal(am.status, 400);
    assert.deepEqual(
      (am.errors ?? [am]).map((e) => e.field),
      ['anteMortem.statureMinCm', 'anteMortem.dental.0.state'],
    );
    const profile = await refused(karla, `/api/missing/found/${remainsId}/dna-comparisons`, {
      laboratory: 'Laboratorio',
      result: 'match',
      comparedOn: '2025-06-20',
      note: 'D8S1179 13,14; TH01 6,9.3',
    });
    assert.equal(profile.status, 400);
    assert.equal(profile.field, 'note');
    const unknownField = await refused(karla, `/api/missing/found/${remainsId}/dna-comparisons`, {
      laboratory: 'Laboratorio',
      result: 'match',
      comparedOn: '2025-06-20',
      profile: { D8S1179: '13,14' },
    });
    assert.equal(unknownField.code, 'validation.unknown_field');
  });

  it('matches a report without a name to the remains by teeth and tattoo, and says so', async () => {
    const report = await created(karla, '/api/missing/reports', {
      sex: 'M',
      birthDate: '2001-05',
      lastContact: { date: '2025-02-20', place: 'Tapachula' },
      anteMortem,
    });
    reportId = report.id;
    const items = await candidates(reportId);
    const pair = items.find((c) => c.candidateId === remainsId);
    assert.ok(pair, 'the remains are proposed');
    assert.equal(pair.explanation.engine, 'ampm');
    assert.equal(
      items.some((c) => c.candidateId === decoyId),
      false,
      'the look-alike is excluded: a gold crown in life cannot be a sound tooth after death',
    );
    const fields = pair.explanation.fields.map((f) => f.label);
    for (const code of ['dental.same', 'tattoo.same', 'feature.same'])
      assert.ok(fields.includes(code), `${code} in ${fields.join(', ')}`);
    assert.ok(pair.explanation.fields.every((f) => f.weight > 0 || !['dental.same', 'tattoo.same'].includes(f.label)));
    pairId = pair.id;

    const side = await karla.get(`/api/missing/candidates/${pairId}/ampm`);
    assert.equal(side.statusCode, 200, side.body);
    const s = side.json() as {
      engineWords: boolean;
      reasons: { code: string; agrees: boolean; es: string; en: string }[];
      teeth: { tooth: number; am: string; pm: string | null; verdict: string }[];
      tattoos: { verdict: string }[];
      regions: Record<string, string>;
    };
    assert.equal(s.engineWords, true);
    const said = s.reasons.map((r) => r.es).join(' | ');
    assert.match(said, /diente 21: corona de oro en vida, corona de oro en el cuerpo/);
    assert.match(said, /Mismo tatuaje: rosa \(antebrazo izquierdo\)/);
    assert.match(said, /Misma prenda y color: pantalón de mezclilla azul/);
    assert.match(s.reasons.map((r) => r.en).join(' | '), /Same mark: scar: abdomen/);
    assert.ok(s.reasons.find((r) => r.code === 'tattoo.same')?.agrees);
    assert.ok(s.reasons.some((r) => r.en.includes('tooth 36')));
    assert.deepEqual(
      s.teeth.filter((t) => t.am).map((t) => [t.tooth, t.verdict]),
      [
        [21, 'same'],
        [36, 'same'],
      ],
    );
    assert.equal(s.teeth.find((t) => t.tooth === 18)?.pm, 'not-observable');
    assert.deepEqual(
      s.tattoos.map((t) => t.verdict),
      ['same'],
    );
    assert.equal(s.regions['left-forearm'], 'agrees');
    assert.equal(s.regions.abdomen, 'agrees');
    // The clear explanation holds codes and weights only; the words are encrypted.
    const { rows } = await h().ctx.db.query<{ clear: string; words: string | null }>(
      "SELECT explanation::text AS clear, encode(ampm_explanation, 'escape') AS words FROM match_candidates WHERE id = $1",
      [pairId],
    );
    assert.equal(rows[0]?.clear.includes('corona'), false);
    assert.equal(rows[0]?.clear.includes('rose'), false);
    assert.equal(rows[0]?.words?.includes('corona'), false);
  });

  it('finds the report again when remains are examined later (on the job queue)', async () => {
    const later = await created(karla, '/api/missing/found', {
      kind: 'unidentified_remains',
      foundOn: '2025-05-01',
      foundPlace: 'Arriaga, Chiapas',
    });
    const read = (await karla.get(`/api/missing/found/${later.id}`)).json() as { version: number };
    const put = await karla.put(`/api/missing/found/${later.id}/post-mortem`, {
      version: read.version,
      postMortem: { ...postMortem, examinedOn: '2025-05-03' },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(
      (await candidates(reportId)).some((c) => c.candidateId === later.id),
      false,
      'not inline',
    );
    const run = await runJobs();
    assert.equal(run.failed, 0);
    const pair = (await candidates(reportId)).find((c) => c.candidateId === later.id);
    assert.ok(pair, 'proposed by the job');
    assert.equal(pair.explanation.engine, 'ampm');
    const stale = await karla.put(`/api/missing/found/${later.id}/post-mortem`, { version: read.version, postMortem });
    assert.equal(stale.statusCode, 409);
    // Not these remains after all: rejected, so that the workflow below has one pair to decide.
    assert.equal(
      (await karla.post(`/api/missing/candidates/${pair.id}/review`, { decision: 'rejected' })).statusCode,
      200,
    );
  });

  it('keeps what the family adds, with a version, and matches again at once', async () => {
    const report = (await karla.get(`/api/missing/reports/${reportId}`)).json() as {
      version: number;
      anteMortem: typeof anteMortem;
    };
    assert.equal(report.anteMortem.recordHolders?.[0]?.name, 'Clínica Dental Sonrisa');
    assert.equal(report.anteMortem.dnaReferenceSamples?.[0]?.sampleCode, 'AM-2025-044');
    const more = { ...anteMortem, fractures: [{ bone: 'left-forearm' }] };
    const put = await karla.put(`/api/missing/reports/${reportId}/ante-mortem`, {
      version: report.version,
      anteMortem: more,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual((put.json() as { anteMortem: typeof more }).anteMortem.fractures, [{ bone: 'left-forearm' }]);
    const stale = await karla.put(`/api/missing/reports/${reportId}/ante-mortem`, {
      version: report.version,
      anteMortem: more,
    });
    assert.equal(stale.statusCode, 409);
    const inverted = await karla.put(`/api/missing/reports/${reportId}/ante-mortem`, {
      version: report.version + 1,
      anteMortem: { ...more, statureMinCm: 180, statureMaxCm: 170 },
    });
    assert.equal(inverted.statusCode, 400);
    assert.equal((inverted.json() as Problem).field, 'anteMortem.statureMaxCm');
  });

  it('records a laboratory result, never a profile', async () => {
    const r = await karla.post(`/api/missing/found/${remainsId}/dna-comparisons`, {
      laboratory: 'Laboratorio de Genética Forense',
      familySampleCode: 'AM-2025-044',
      remainsSampleCode: 'PM-2025-017',
      reportId,
      result: 'match',
      likelihoodRatio: 2.4e9,
      comparedOn: '2025-07-01',
      labReference: 'LGF-2025-311',
    });
    assert.equal(r.statusCode, 201, r.body);
    const pm = (r.json() as { postMortem: { dnaComparisons: { result: string; enteredBy: string }[] } }).postMortem;
    assert.equal(pm.dnaComparisons[0]?.result, 'match');
    assert.ok(pm.dnaComparisons[0]?.enteredBy);
  });

  it('takes the remains from examination to release, two people confirming, the family told only after', async () => {
    const state = async (c: ApiClient = karla) => {
      const r = await c.get(`/api/missing/found/${remainsId}/forensic`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as {
        stage: string;
        version: number;
        next: string[];
        pairs: { candidateId: string; reviewStatus: string; reportName?: string }[];
        history: { step: string; toStage: string }[];
      };
    };
    const step = (c: ApiClient, body: object) =>
      c.request({ method: 'POST', url: `/api/missing/found/${remainsId}/forensic-steps`, payload: body });
    let s = await state();
    assert.equal(s.stage, 'registered');
    assert.deepEqual(s.next, ['examined']);

    const early = await step(karla, { step: 'family_informed', candidateId: pairId, version: s.version });
    assert.equal(early.statusCode, 409);
    assert.equal((early.json() as Problem).code, 'missing.not_confirmed');

    for (const next of ['examined', 'candidates_reviewed']) {
      const r = await step(karla, { step: next, version: s.version });
      assert.equal(r.statusCode, 200, r.body);
      s = r.json() as typeof s;
      assert.equal(s.stage, next);
    }
    const stale = await step(karla, { step: 'propose_identification', candidateId: pairId, version: s.version - 1 });
    assert.equal(stale.statusCode, 409);
    const proposed = await step(karla, { step: 'propose_identification', candidateId: pairId, version: s.version });
    assert.equal(proposed.statusCode, 200, proposed.body);
    s = proposed.json() as typeof s;
    assert.equal(s.stage, 'identification_proposed');
    assert.deepEqual(s.next, ['withdraw_proposal']);
    assert.equal(s.pairs.find((p) => p.candidateId === pairId)?.reviewStatus, 'proposed');

    const self = await step(karla, { step: 'confirm_identification', candidateId: pairId, version: s.version });
    assert.equal(self.statusCode, 409);
    assert.equal((self.json() as Problem).code, 'missing.second_person_required');
    const informedTooSoon = await step(karla, { step: 'family_informed', candidateId: pairId, version: s.version });
    assert.equal((informedTooSoon.json() as Problem).code, 'missing.not_confirmed');
    // Nothing about this identification has reached anyone yet.
    const before = (await karla.get('/api/missing/notifications')).json() as { items: { kind: string }[] };
    assert.equal(
      before.items.some((n) => n.kind === 'missing.match_confirmed'),
      false,
    );

    assert.deepEqual((await state(carmen)).next, ['confirm_identification']);
    const confirmed = await step(carmen, { step: 'confirm_identification', candidateId: pairId, version: s.version });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    s = confirmed.json() as typeof s;
    assert.equal(s.stage, 'identified');
    assert.equal(s.pairs.find((p) => p.candidateId === pairId)?.reviewStatus, 'confirmed');
    const told = (await karla.get('/api/missing/notifications')).json() as {
      items: { kind: string; recordId: string }[];
    };
    assert.ok(told.items.some((n) => n.kind === 'missing.match_confirmed' && n.recordId === reportId));
    assert.equal(
      ((await karla.get(`/api/missing/found/${remainsId}`)).json() as { status: string }).status,
      'identified',
    );

    // Only the report's case owner informs the family.
    assert.deepEqual((await state(carmen)).next, []);
    const notOwner = await step(carmen, { step: 'family_informed', candidateId: pairId, version: s.version });
    assert.equal(notOwner.statusCode, 403);
    assert.equal((notOwner.json() as Problem).code, 'missing.not_case_owner');
    const informed = await step(karla, {
      step: 'family_informed',
      candidateId: pairId,
      method: 'in_person',
      on: '2025-07-03',
      note: 'Se informó a la madre en la oficina del comité, acompañada por la psicóloga.',
      version: s.version,
    });
    assert.equal(informed.statusCode, 200, informed.body);
    s = informed.json() as typeof s;
    assert.equal(s.stage, 'family_informed');
    assert.equal(
      ((await karla.get(`/api/missing/reports/${reportId}`)).json() as { status: string }).status,
      'located_deceased',
    );

    const noOne = await step(carmen, { step: 'released', version: s.version });
    assert.equal((noOne.json() as Problem).field, 'releasedTo');
    const released = await step(carmen, {
      step: 'released',
      releasedTo: 'Rosa Hernández (madre)',
      on: '2025-07-10',
      version: s.version,
    });
    assert.equal(released.statusCode, 200, released.body);
    s = released.json() as typeof s;
    assert.equal(s.stage, 'released');
    assert.deepEqual(
      s.history.map((x) => x.step),
      [
        'examined',
        'candidates_reviewed',
        'propose_identification',
        'confirm_identification',
        'family_informed',
        'released',
      ],
    );
    const record = (await karla.get(`/api/missing/found/${remainsId}`)).json() as {
      status: string;
      postMortem: { whereabouts: { status: string; releasedTo: string } };
    };
    assert.equal(record.status, 'returned_to_family');
    assert.deepEqual(
      [record.postMortem.whereabouts.status, record.postMortem.whereabouts.releasedTo],
      ['released', 'Rosa Hernández (madre)'],
    );
    const { rows } = await h().ctx.db.query<{ action: string; step: string }>(
      `SELECT action, details->>'step' AS step FROM audit_log WHERE record_id = $1 AND action = 'found_record.forensic_step' ORDER BY seq`,
      [remainsId],
    );
    assert.deepEqual(
      rows.map((r) => r.step),
      [
        'examined',
        'candidates_reviewed',
        'propose_identification',
        'confirm_identification',
        'family_informed',
        'released',
      ],
    );
    const { rows: clear } = await h().ctx.db.query<{ d: string }>(
      "SELECT encode(details, 'escape') AS d FROM remains_workflow_steps WHERE found_id = $1 AND details IS NOT NULL",
      [remainsId],
    );
    assert.ok(clear.length >= 2);
    assert.ok(clear.every((r) => !r.d.includes('psicóloga') && !r.d.includes('Rosa')));
  });
});
