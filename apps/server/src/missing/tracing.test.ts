// Tracing across organisations (decision 0121): a committee asks a partner shelter, with the family's
// consent, whether it knows Kevin; before the shelter answers the committee sees only opaque
// references and bands; after acceptance exactly the details the shelter chose; a decline leaves
// nothing readable on either side; withdrawing the family's consent withdraws waiting requests.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Reference {
  referenceId: string;
  scoreBand: string;
  sharedFields: string[];
  details: Record<string, unknown> | null;
}
interface PartnerCandidate {
  referenceId: string;
  candidateId: string;
  record: Record<string, unknown> | null;
}
interface Tracing {
  id: string;
  status: string;
  candidatesFound: number;
  query: Record<string, unknown> | null;
  reply: string | null;
  references: Reference[];
  partnerCandidates: PartnerCandidate[];
}

describeOnBothDatabases('tracing requests between organisations', (h) => {
  let shelter: ApiClient;
  let committee: ApiClient;
  let stranger: ApiClient;
  let shelterOrg: string;
  let strangerOrg: string;
  let kebinId: string;
  let unconsentedId: string;
  let reportId: string;
  let requestId: string;
  const consent = { givenBy: 'Rosa Alvarenga', relationship: 'madre', method: 'signed', date: '2024-05-02' };

  const person = async (body: object, consented: boolean) => {
    const r = await shelter.post('/api/people', body);
    assert.equal(r.statusCode, 201, r.body);
    const id = (r.json() as { id: string }).id;
    if (consented)
      assert.equal(
        (await shelter.post(`/api/people/${id}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
        201,
      );
    return id;
  };
  const report = async (body: object) => {
    const r = await committee.post('/api/missing/reports', body);
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };

  it('sets up a committee and a shelter with a tracing agreement, and an organisation without one', async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'comite', email: 'familia@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    const comite = await h().createOrg('comite');
    shelterOrg = await h().createOrg('albergue');
    strangerOrg = await h().createOrg('otra');
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['tracing'])",
      [shelterOrg, comite],
    );
    shelter = await h().login('coord@albergue.example');
    committee = await h().login('familia@comite.example');
    stranger = await h().login('coord@otra.example');
    kebinId = await person(
      { givenNames: 'Kebin', surnames: 'Alvarenga', sex: 'M', birthDate: '2001-03-14', nationality: 'HN' },
      true,
    );
    await person({ givenNames: 'Jonathan', surnames: 'Alvarenga', sex: 'M', birthDate: '1998-07-01' }, true);
    unconsentedId = await person(
      { givenNames: 'Kevin', surnames: 'Alvarenga', sex: 'M', birthDate: '2001-03-14' },
      false,
    );
    reportId = await report({
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
      lastContact: { date: '2024-04-20', place: 'Tapachula', withWhom: 'un primo' },
      relatives: [{ name: 'Rosa Alvarenga', contacts: [{ channel: 'phone', value: '+50499990000' }] }],
    });
    const partners = (await committee.get('/api/missing/tracing/partners')).json() as { items: { id: string }[] };
    assert.deepEqual(
      partners.items.map((p) => p.id),
      [shelterOrg],
    );
  });

  it("refuses to send a request before the family's consent to trace is recorded, or to an organisation without an agreement", async () => {
    const without = await committee.post('/api/missing/tracing', { reportId, toOrgId: shelterOrg });
    assert.deepEqual(
      [without.statusCode, (without.json() as { code: string }).code],
      [409, 'missing.trace_consent_required'],
    );
    const recorded = await committee.put(`/api/missing/reports/${reportId}/trace-consent`, consent);
    assert.equal(recorded.statusCode, 200, recorded.body);
    assert.equal((recorded.json() as { traceConsent: { givenBy: string } }).traceConsent.givenBy, 'Rosa Alvarenga');
    const elsewhere = await committee.post('/api/missing/tracing', { reportId, toOrgId: strangerOrg });
    assert.deepEqual(
      [elsewhere.statusCode, (elsewhere.json() as { code: string }).code],
      [400, 'missing.not_a_tracing_partner'],
    );
  });

  it('gives the requester opaque references and score bands only, with no personal data, until the partner accepts', async () => {
    const sent = await committee.post('/api/missing/tracing', { reportId, toOrgId: shelterOrg });
    assert.equal(sent.statusCode, 201, sent.body);
    const body = sent.json() as Tracing;
    requestId = body.id;
    assert.equal(body.status, 'sent');
    assert.ok(body.references.length >= 1);
    assert.equal(body.candidatesFound, body.references.length);
    assert.ok(body.references.some((r) => r.scoreBand === 'strong'));
    assert.ok(body.references.every((r) => r.details === null && r.sharedFields.length === 0));
    for (const secret of ['Kebin', 'Jonathan', 'Alvarenga', '2001', kebinId, unconsentedId, 'HN'])
      assert.ok(!sent.body.includes(secret), `the requester must not see ${secret}`);
    const again = await committee.post('/api/missing/tracing', { reportId, toOrgId: shelterOrg });
    assert.deepEqual(
      [again.statusCode, (again.json() as { code: string }).code],
      [409, 'missing.tracing_closed'],
      'one open request per report and partner',
    );
  });

  it('shows the partner the minimal search fields and its own candidate records in its inbox', async () => {
    const inbox = (await shelter.get('/api/missing/tracing?direction=incoming')).json() as {
      items: { id: string; reportId: string | null }[];
    };
    assert.deepEqual(
      inbox.items.map((i) => [i.id, i.reportId]),
      [[requestId, null]],
    );
    const seen = (await shelter.get(`/api/missing/tracing/${requestId}`)).json() as Tracing;
    assert.deepEqual(seen.query, {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
      lastContactMonth: '2024-04',
      lastContactPlace: 'Tapachula',
    });
    const kebin = seen.partnerCandidates.find((c) => c.candidateId === kebinId);
    assert.equal(kebin?.record?.givenNames, 'Kebin');
    assert.ok(
      !seen.partnerCandidates.some((c) => c.candidateId === unconsentedId),
      'a person who did not consent to sharing is never referenced',
    );
    const outsider = await stranger.get(`/api/missing/tracing/${requestId}`);
    assert.equal(outsider.statusCode, 404);
  });

  it('after acceptance the requester reads exactly the details the partner chose, and its case owner is told', async () => {
    const seen = (await shelter.get(`/api/missing/tracing/${requestId}`)).json() as Tracing;
    const kebin = seen.partnerCandidates.find((c) => c.candidateId === kebinId) as PartnerCandidate;
    const accepted = await shelter.post(`/api/missing/tracing/${requestId}/accept`, {
      share: [{ referenceId: kebin.referenceId, fields: ['givenNames', 'surnames', 'birthDate', 'recordDate'] }],
      reply: 'Llamar a la oficina del albergue',
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const view = (await committee.get(`/api/missing/tracing/${requestId}`)).json() as Tracing;
    assert.equal(view.status, 'accepted');
    assert.equal(view.reply, 'Llamar a la oficina del albergue');
    assert.equal(view.references.length, 1, 'references the partner did not choose are gone');
    const shared = view.references[0] as Reference;
    assert.equal(shared.referenceId, kebin.referenceId);
    assert.deepEqual(Object.keys(shared.details ?? {}).sort(), ['birthDate', 'givenNames', 'recordDate', 'surnames']);
    assert.equal(shared.details?.givenNames, 'Kebin');
    assert.equal(shared.details?.nationality, undefined, 'nationality was not chosen');
    const notices = (await committee.get('/api/missing/notifications')).json() as {
      items: { kind: string; refId: string }[];
    };
    assert.ok(notices.items.some((n) => n.kind === 'missing.tracing_accepted' && n.refId === requestId));
    const again = await shelter.post(`/api/missing/tracing/${requestId}/decline`);
    assert.equal(again.statusCode, 409);
  });

  it('a decline leaves nothing readable on either side', async () => {
    const other = await report({
      givenNames: 'Jonathan',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '1998-07-01',
      traceConsent: consent,
    });
    const sent = (
      await committee.post('/api/missing/tracing', { reportId: other, toOrgId: shelterOrg })
    ).json() as Tracing;
    assert.ok(sent.references.length >= 1);
    const declined = await shelter.post(`/api/missing/tracing/${sent.id}/decline`);
    assert.equal(declined.statusCode, 200, declined.body);
    const mine = (await committee.get(`/api/missing/tracing/${sent.id}`)).json() as Tracing;
    assert.deepEqual([mine.status, mine.references, mine.reply], ['declined', [], null]);
    const theirs = (await shelter.get(`/api/missing/tracing/${sent.id}`)).json() as Tracing;
    assert.deepEqual([theirs.query, theirs.partnerCandidates], [null, []]);
    const { rows } = await h().ctx.db.query<{ query: unknown; n: number }>(
      'SELECT query, (SELECT count(*) FROM tracing_candidates c WHERE c.request_id = t.id)::int AS n FROM tracing_requests t WHERE t.id = $1',
      [sent.id],
    );
    assert.deepEqual(rows, [{ query: null, n: 0 }]);
  });

  it("withdrawing the family's consent withdraws waiting requests at once", async () => {
    const other = await report({ givenNames: 'Kevin', surnames: 'Alvarenga Cruz', sex: 'M', traceConsent: consent });
    const sent = (
      await committee.post('/api/missing/tracing', { reportId: other, toOrgId: shelterOrg })
    ).json() as Tracing;
    const withdrawn = await committee.request({
      method: 'DELETE',
      url: `/api/missing/reports/${other}/trace-consent`,
      headers: { 'x-csrf-token': committee.csrfToken, cookie: committee.cookie },
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal((withdrawn.json() as { traceConsent: unknown }).traceConsent, null);
    const theirs = (await shelter.get(`/api/missing/tracing/${sent.id}`)).json() as Tracing;
    assert.deepEqual([theirs.status, theirs.query, theirs.partnerCandidates], ['withdrawn', null, []]);
    const refused = await committee.post('/api/missing/tracing', { reportId: other, toOrgId: shelterOrg });
    assert.equal(refused.statusCode, 409);
  });

  it('keeps search fields, replies and shared details encrypted at rest, and audits both sides', async () => {
    const dump =
      JSON.stringify((await h().ctx.db.query('SELECT row_to_json(t) AS j FROM tracing_requests t')).rows) +
      JSON.stringify((await h().ctx.db.query('SELECT row_to_json(c) AS j FROM tracing_candidates c')).rows);
    for (const secret of ['Kevin', 'Kebin', 'Tapachula', 'oficina', '2001-03-14'])
      assert.ok(!dump.includes(secret), secret);
    const { rows } = await h().ctx.db.query<{ action: string; org: string }>(
      "SELECT action, org_id::text AS org FROM audit_log WHERE action LIKE 'tracing_request.%' AND (record_id = $1 OR details->>'requestId' = $1) ORDER BY seq",
      [requestId],
    );
    const trail = rows.map((r) => `${r.action}@${r.org === shelterOrg ? 'partner' : 'requester'}`);
    for (const entry of [
      'tracing_request.send@requester',
      'tracing_request.receive@partner',
      'tracing_request.inbox_read@partner',
      'tracing_request.accepted@partner',
      'tracing_request.answer_received@requester',
      'tracing_request.read@requester',
    ]) {
      assert.ok(trail.includes(entry), `${entry} in ${trail.join(', ')}`);
    }
  });
});
