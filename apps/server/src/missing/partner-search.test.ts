// A report searches partners' found records and reports too (issue 6, item 5; decision 0124):
// under a sharing agreement for 'search', a partner's unidentified found records and its open
// reports whose family consented to a search with other organisations are proposed, but only as
// an opaque reference with the partner's name until the partner shares them through tracing.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';

interface Candidate {
  id: string;
  candidateKind: string;
  candidateId: string;
  candidateOrgId: string;
  explanation: { fields: unknown[] };
  candidate: {
    id: string;
    access: string;
    organisationName?: string;
    sharedFields?: string[];
    givenNames?: string;
    eventPlace?: string;
  } | null;
}

describeOnBothDatabases("partners' found records and reports in a report's search", (h) => {
  let forensic: ApiClient;
  let committee: ApiClient;
  let stranger: ApiClient;
  let forensicOrg: string;
  let remainsId: string;
  let consentedReportId: string;
  let unconsentedReportId: string;
  let reportId: string;
  const consent = { givenBy: 'Rosa Alvarenga', relationship: 'madre', method: 'signed', date: '2024-05-02' };
  const kevin = {
    givenNames: 'Kevin',
    surnames: 'Alvarenga Cruz',
    sex: 'M',
    birthDate: '2001-03-14',
    lastContact: { date: '2024-04-20', place: 'Tapachula' },
  };
  const post = async (c: ApiClient, url: string, body: object) => {
    const r = await c.post(url, body);
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };
  const candidates = async (c: ApiClient, id: string) => {
    const r = await c.get(`/api/missing/reports/${id}/candidates`);
    assert.equal(r.statusCode, 200, r.body);
    return { items: (r.json() as { items: Candidate[] }).items, body: r.body };
  };
  const fromPartner = (items: Candidate[]) => items.filter((c) => c.candidateOrgId === forensicOrg);

  it('sets up a forensic team sharing for search with a committee, and an organisation without an agreement', async () => {
    await h().createAccount({ org: 'forense', email: 'coord@forense.example', role: 'coordinator' });
    await h().createAccount({ org: 'comite', email: 'familia@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    forensicOrg = await h().createOrg('forense');
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [forensicOrg, await h().createOrg('comite')],
    );
    forensic = await h().login('coord@forense.example');
    committee = await h().login('familia@comite.example');
    stranger = await h().login('coord@otra.example');
    remainsId = await post(forensic, '/api/missing/found', {
      kind: 'unidentified_remains',
      givenNames: 'Kebin',
      surnames: 'Alvarenga Cruz',
      sex: 'M',
      ageMin: 20,
      ageMax: 26,
      foundOn: '2024-06-01',
      foundPlace: 'Altar, Sonora',
      custodian: { agency: 'SEMEFO Sonora', fileNumber: 'CI-2024-0931' },
    });
    consentedReportId = await post(forensic, '/api/missing/reports', {
      ...kevin,
      surnames: 'Alvarenga',
      traceConsent: consent,
    });
    unconsentedReportId = await post(forensic, '/api/missing/reports', { ...kevin, surnames: 'Alvarenga' });
  });

  it("proposes the partner's records as opaque references with the partner's name, and nothing of them", async () => {
    reportId = await post(committee, '/api/missing/reports', kevin);
    const { items, body } = await candidates(committee, reportId);
    const partner = fromPartner(items);
    assert.deepEqual(partner.map((c) => c.candidateKind).sort(), ['found_record', 'missing_report']);
    for (const c of partner) {
      assert.equal(c.candidateId, c.id, 'the reference is the pair, not the partner record');
      assert.deepEqual(c.explanation.fields, [], 'field levels would say what the partner record holds');
      assert.deepEqual(c.candidate, {
        kind: c.candidateKind,
        id: c.id,
        orgId: forensicOrg,
        organisationName: 'Org forense',
        access: 'partner',
        sharedFields: [],
      });
    }
    for (const secret of ['Kebin', 'Altar', 'SEMEFO', 'CI-2024', remainsId, consentedReportId, unconsentedReportId])
      assert.ok(!body.includes(secret), `the committee must not see ${secret}`);
    const { rows } = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM match_candidates WHERE candidate_id = $1',
      [unconsentedReportId],
    );
    assert.equal(
      rows[0]?.n,
      0,
      'a report whose family did not consent to a search with others is never searched by a partner',
    );
    const audit = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'missing_report.match_shared' AND org_id = $1",
      [forensicOrg],
    );
    assert.ok(Number(audit.rows[0]?.n) >= 1, "the partner's trail records that its records were searched");
  });

  it('searches nothing of the partner for an organisation without an agreement', async () => {
    const other = await post(stranger, '/api/missing/reports', kevin);
    assert.deepEqual(fromPartner((await candidates(stranger, other)).items), []);
  });

  it('shows exactly what the partner chose to share once it accepts a tracing request', async () => {
    assert.equal((await committee.put(`/api/missing/reports/${reportId}/trace-consent`, consent)).statusCode, 200);
    const sent = await committee.post('/api/missing/tracing', { reportId, toOrgId: forensicOrg });
    assert.equal(sent.statusCode, 201, sent.body);
    const requestId = (sent.json() as { id: string }).id;
    const inbox = (await forensic.get(`/api/missing/tracing/${requestId}`)).json() as {
      partnerCandidates: { referenceId: string; candidateId: string }[];
    };
    const remains = inbox.partnerCandidates.find((c) => c.candidateId === remainsId);
    assert.ok(remains, 'tracing scores the same found record');
    const accepted = await forensic.post(`/api/missing/tracing/${requestId}/accept`, {
      share: [{ referenceId: remains.referenceId, fields: ['givenNames', 'place'] }],
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const found = fromPartner((await candidates(committee, reportId)).items).find(
      (c) => c.candidateKind === 'found_record',
    );
    assert.equal(found?.candidate?.givenNames, 'Kebin');
    assert.equal(found?.candidate?.eventPlace, 'Altar, Sonora');
    assert.deepEqual(found?.candidate?.sharedFields, ['givenNames', 'place']);
  });

  it("drops a partner's report from view at once when its family withdraws the consent", async () => {
    const withdrawn = await forensic.request({
      method: 'DELETE',
      url: `/api/missing/reports/${consentedReportId}/trace-consent`,
      headers: { 'x-csrf-token': forensic.csrfToken, cookie: forensic.cookie },
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const report = fromPartner((await candidates(committee, reportId)).items).find(
      (c) => c.candidateKind === 'missing_report',
    );
    assert.equal(report?.candidate, null);
  });

  it("re-runs the committee's open report on the job queue when the partner records a new found person", async () => {
    const later = await post(forensic, '/api/missing/found', {
      kind: 'found_alive',
      givenNames: 'Kevin',
      surnames: 'Alvarenga Cruz',
      sex: 'M',
      ageMin: 20,
      ageMax: 25,
      foundOn: '2024-07-01',
    });
    const { rows } = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'missing.match_report' AND status = 'pending' AND payload->>'reportId' = $1",
      [reportId],
    );
    assert.equal(rows[0]?.n, 1);
    await createServerJobs(h().ctx).queue.runDueJobs();
    const partner = fromPartner((await candidates(committee, reportId)).items);
    assert.equal(partner.filter((c) => c.candidateKind === 'found_record').length, 2);
    const { rows: pair } = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM match_candidates WHERE report_id = $1 AND candidate_id = $2',
      [reportId, later],
    );
    assert.equal(pair[0]?.n, 1);
  });
});
