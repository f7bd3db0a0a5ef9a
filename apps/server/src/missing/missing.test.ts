// Journey 4 end to end: a families' committee reports Kevin; the engine proposes the partner
// shelter's "Kebin Alvarenga" (shared for search, with consent) first, not his brother; a reviewer
// confirms and the report's case owner — never the family — is notified; a rejected pair never
// returns; without consent or agreement the partner's person is no candidate; fields are encrypted.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Compared {
  kind: string;
  id: string;
  access: string;
  givenNames?: string;
  nationality?: string;
  sharedFields?: string[];
}
interface Candidate {
  id: string;
  candidateKind: string;
  candidateId: string;
  score: number;
  engineDecision: string;
  reviewStatus: string;
  explanation: { fields: { field: string; weight: number }[] };
  candidate: Compared | null;
}

describeOnBothDatabases('missing-person reports and matching', (h) => {
  let shelter: ApiClient;
  let family: ApiClient;
  let reviewer: ApiClient;
  let kebinId: string;
  let jonathanId: string;
  let unconsentedId: string;
  let strangerId: string;
  let reportId: string;
  let remainsId: string;

  const person = async (c: ApiClient, body: object, consent: boolean) => {
    const created = await c.post('/api/people', body);
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: string }).id;
    if (consent)
      assert.equal(
        (await c.post(`/api/people/${id}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
        201,
      );
    return id;
  };

  it('sets up the shelter (sharing for search with the committee), its people and the committee', async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'comite', email: 'familia@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'comite', email: 'revisor@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    const [albergue, comite] = [await h().createOrg('albergue'), await h().createOrg('comite')];
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [albergue, comite],
    );
    shelter = await h().login('coord@albergue.example');
    family = await h().login('familia@comite.example');
    reviewer = await h().login('revisor@comite.example');
    kebinId = await person(
      shelter,
      {
        givenNames: 'Kebin',
        surnames: 'Alvarenga',
        sex: 'M',
        birthDate: '2001-03-14',
        nationality: 'HN',
        origin: { place: 'Choloma' },
      },
      true,
    );
    jonathanId = await person(
      shelter,
      { givenNames: 'Jonathan', surnames: 'Alvarenga', sex: 'M', birthDate: '1998-07-01', nationality: 'HN' },
      true,
    );
    unconsentedId = await person(
      shelter,
      { givenNames: 'Kevin', surnames: 'Alvarenga', sex: 'M', birthDate: '2001-03-14' },
      false,
    );
    strangerId = await person(
      await h().login('coord@otra.example'),
      { givenNames: 'Kevin', surnames: 'Alvarenga', sex: 'M', birthDate: '2001-03-14' },
      true,
    );
    const remains = await reviewer.post('/api/missing/found', {
      kind: 'unidentified_remains',
      sex: 'M',
      ageMin: 20,
      ageMax: 26,
      foundOn: '2024-06-01',
      foundPlace: 'Altar, Sonora',
      custodian: { agency: 'SEMEFO Sonora', fileNumber: 'CI-2024-0931' },
    });
    assert.equal(remains.statusCode, 201, remains.body);
    remainsId = (remains.json() as { id: string }).id;
  });

  it('registers the report and proposes the shelter record first, with an explanation, not the brother', async () => {
    const created = await family.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
      nationality: 'hn',
      origin: { country: 'HN', place: 'Choloma' },
      physical: { heightCm: 168, tattoos: 'rosa en el antebrazo izquierdo' },
      lastContact: { date: '2024-04-20', place: 'Tapachula', route: 'Tecún Umán – Tapachula', means: 'WhatsApp' },
      relatives: [
        {
          name: 'Rosa Alvarenga',
          relationship: 'madre',
          contacts: [{ channel: 'whatsapp', value: '+50499990000' }],
          consentToContact: true,
        },
      ],
      dnaSample: { given: true, where: 'EAAF' },
      authorities: [{ authority: 'Fiscalía de Derechos Humanos', country: 'HN', fileNumber: 'FDH-77' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json() as {
      id: string;
      nationality: string;
      matchRun: { proposed: number; searched: { partnerPeople: number; partners: number } };
    };
    reportId = body.id;
    assert.equal(body.nationality, 'HN');
    assert.equal(body.matchRun.searched.partners, 1);
    assert.ok(body.matchRun.proposed >= 1);

    const queue = await reviewer.get(`/api/missing/reports/${reportId}/candidates`);
    assert.equal(queue.statusCode, 200, queue.body);
    const items = (queue.json() as { items: Candidate[] }).items;
    const first = items[0];
    assert.ok(first);
    assert.deepEqual([first.candidateKind, first.candidateId, first.engineDecision], ['person', kebinId, 'match']);
    assert.equal(first.candidate?.givenNames, 'Kebin');
    assert.equal(first.candidate?.access, 'partner');
    assert.ok(first.candidate?.sharedFields?.includes('birthDate'));
    assert.equal(first.candidate?.nationality, undefined, "the partner's nationality is not shared for search");
    assert.ok(first.explanation.fields.some((f) => f.field === 'given_names' && f.weight > 0));
    const brother = items.find((c) => c.candidateId === jonathanId);
    assert.ok(!brother || brother.engineDecision !== 'match');
    const ids = items.map((c) => c.candidateId);
    assert.ok(!ids.includes(unconsentedId), 'no consent to sharing: not a candidate');
    assert.ok(!ids.includes(strangerId), 'no sharing agreement: not a candidate');
  });

  it('confirms: the case owner is notified, not the reviewer, never the family; the decision is audited', async () => {
    const items = ((await reviewer.get(`/api/missing/reports/${reportId}/candidates`)).json() as { items: Candidate[] })
      .items;
    const kebin = items.find((c) => c.candidateId === kebinId) as Candidate;
    const review = await reviewer.post(`/api/missing/candidates/${kebin.id}/review`, {
      decision: 'confirmed',
      note: 'Coinciden fecha de nacimiento y tatuaje',
    });
    assert.equal(review.statusCode, 200, review.body);
    assert.equal((review.json() as Candidate).reviewStatus, 'confirmed');
    const owner = (await family.get('/api/missing/notifications')).json() as {
      items: { kind: string; recordId: string; refId: string }[];
    };
    assert.deepEqual(
      owner.items.map((n) => [n.kind, n.recordId, n.refId]),
      [['missing.match_confirmed', reportId, kebin.id]],
    );
    assert.equal(((await reviewer.get('/api/missing/notifications')).json() as { items: unknown[] }).items.length, 0);
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_type = 'missing_report' AND record_id = $1 ORDER BY seq",
      [reportId],
    );
    const actions = rows.map((r) => r.action);
    for (const a of [
      'missing_report.create',
      'missing_report.match',
      'missing_report.candidates_read',
      'missing_report.candidate_review',
    ])
      assert.ok(actions.includes(a), a);
  });

  it('a rejected pair never comes back on a re-run', async () => {
    const items = ((await reviewer.get(`/api/missing/reports/${reportId}/candidates`)).json() as { items: Candidate[] })
      .items;
    const other = items.find((c) => c.candidateId !== kebinId);
    let rejectedId: string;
    if (other) rejectedId = other.candidateId;
    else rejectedId = remainsId;
    const target = items.find((c) => c.candidateId === rejectedId);
    assert.ok(
      target,
      `expected a second candidate, got ${JSON.stringify(items.map((c) => [c.candidateKind, c.score]))}`,
    );
    assert.equal(
      (await reviewer.post(`/api/missing/candidates/${target.id}/review`, { decision: 'rejected' })).statusCode,
      200,
    );
    const rerun = await reviewer.post(`/api/missing/reports/${reportId}/rematch`);
    assert.equal(rerun.statusCode, 200, rerun.body);
    assert.ok((rerun.json() as { alreadyReviewed: number }).alreadyReviewed >= 2);
    const after = ((await reviewer.get(`/api/missing/reports/${reportId}/candidates`)).json() as { items: Candidate[] })
      .items;
    assert.ok(!after.some((c) => c.candidateId === rejectedId));
    const rejected = (
      (await reviewer.get(`/api/missing/reports/${reportId}/candidates?status=rejected`)).json() as {
        items: Candidate[];
      }
    ).items;
    assert.deepEqual(
      rejected.map((c) => c.candidateId),
      [rejectedId],
    );
  });

  it('another organisation cannot read the report or its queue (404)', async () => {
    for (const url of [`/api/missing/reports/${reportId}`, `/api/missing/reports/${reportId}/candidates`]) {
      const r = await shelter.get(url);
      assert.deepEqual([r.statusCode, (r.json() as { code: string }).code], [404, 'record.not_found']);
    }
  });

  it('refuses impossible dates, future dates and inverted age ranges, naming the field', async () => {
    const cases: [object, string, string][] = [
      [{ givenNames: 'Ana', birthDate: '2001-02-30' }, 'missing.invalid_date', 'birthDate'],
      [{ givenNames: 'Ana', lastContact: { date: '2999-01-01' } }, 'missing.date_in_future', 'lastContact.date'],
      [{ givenNames: 'Ana', ageMin: 30, ageMax: 20 }, 'missing.age_range_inverted', 'ageMin'],
      [{ givenNames: 'Ana', birthDate: '15/08/1990' }, 'validation.invalid_format', 'birthDate'],
    ];
    for (const [body, code, field] of cases) {
      const r = await family.post('/api/missing/reports', body);
      const e = r.json() as { code: string; field: string };
      assert.deepEqual([r.statusCode, e.code, e.field], [400, code, field], r.body);
    }
    const found = await family.post('/api/missing/found', { kind: 'unidentified_remains', ageMin: 40, ageMax: 30 });
    assert.equal((found.json() as { code: string }).code, 'missing.age_range_inverted');
  });

  it('keeps personal fields encrypted at rest and explanations free of names', async () => {
    const dump = async (sql: string) => JSON.stringify((await h().ctx.db.query(sql)).rows);
    const reports = await dump('SELECT row_to_json(r) AS j FROM missing_reports r');
    for (const secret of ['Kevin', 'Tapachula', '50499990000', 'Rosa', 'EAAF', 'FDH-77', 'antebrazo'])
      assert.ok(!reports.includes(secret), secret);
    const found = await dump('SELECT row_to_json(f) AS j FROM found_records f');
    for (const secret of ['Altar', 'SEMEFO', 'CI-2024']) assert.ok(!found.includes(secret), secret);
    const candidates = await dump('SELECT row_to_json(m) AS j FROM match_candidates m');
    for (const secret of ['Kebin', 'Kevin', 'Alvarenga', 'Coinciden']) assert.ok(!candidates.includes(secret), secret);
  });
});
