// Four-eyes confirmation of matches and the notice to the organisation holding the record. A
// committee confirms Kevin's report against its own unidentified remains (a second person needed
// by default), against a partner shelter's "Kebin" (one person by default; the shelter gets a
// tracing request ready to open), and under the 'none' and 'all' settings.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

interface Candidate {
  id: string;
  candidateKind: string;
  candidateOrgId: string;
  reviewStatus: string;
  confirmationProposedBy: string | null;
  secondConfirmationRequired: boolean;
  candidate: { organisationName?: string } | null;
}

describeOnBothDatabases('match confirmation by a second person and the record holder notified', (h) => {
  let karla: ApiClient;
  let carmen: ApiClient;
  let admin: ApiClient;
  let shelter: ApiClient;
  let shelterOrg: string;
  let committeeOrg: string;
  const reports: Record<string, string> = {};
  const consent = { givenBy: 'Rosa Alvarenga', relationship: 'madre', method: 'signed', date: '2024-05-02' };

  const post = async (c: ApiClient, url: string, body: object) => {
    const r = await c.post(url, body);
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };
  const candidates = async (reportId: string) => {
    const r = await karla.get(`/api/missing/reports/${reportId}/candidates`);
    assert.equal(r.statusCode, 200, r.body);
    return (r.json() as { items: Candidate[] }).items;
  };
  const pairOf = async (reportId: string, keep: (c: Candidate) => boolean) => {
    const found = (await candidates(reportId)).find(keep);
    assert.ok(found, 'the engine proposed the expected candidate');
    return found;
  };
  const decide = (c: ApiClient, pairId: string, decision = 'confirmed') =>
    c.post(`/api/missing/candidates/${pairId}/review`, { decision });
  const accountId = async (email: string) =>
    (await h().ctx.db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email = $1', [email])).rows[0]
      ?.id as string;
  const actions = async (pairId: string) =>
    (
      await h().ctx.db.query<{ action: string; actor: string }>(
        `SELECT action, actor_account_id::text AS actor FROM audit_log
          WHERE details->>'candidateId' = $1 ORDER BY seq`,
        [pairId],
      )
    ).rows;

  it('sets up a committee with two reviewers and an admin, and a partner shelter sharing for search', async () => {
    await h().createAccount({ org: 'comite', email: 'karla@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'comite', email: 'carmen@comite.example', role: 'coordinator' });
    await h().createAccount({ org: 'comite', email: 'admin@comite.example', role: 'admin' });
    await h().createAccount({ org: 'saltillo', email: 'coord@saltillo.example', role: 'coordinator' });
    committeeOrg = await h().createOrg('comite');
    shelterOrg = await h().createOrg('saltillo');
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [shelterOrg, committeeOrg],
    );
    karla = await h().login('karla@comite.example');
    carmen = await h().login('carmen@comite.example');
    admin = await h().login('admin@comite.example');
    shelter = await h().login('coord@saltillo.example');
    for (const p of [
      { givenNames: 'Kebin', surnames: 'Alvarenga Fuentes', sex: 'M', birthDate: '2005-01-09' },
      { givenNames: 'Yohana', surnames: 'Cabrera Lima', sex: 'F', birthDate: '1999-07-30' },
    ]) {
      const id = await post(shelter, '/api/people', p);
      await post(shelter, `/api/people/${id}/consents`, { purpose: 'sharing', method: 'signed' });
    }
    for (const f of [
      { givenNames: 'Kevin', surnames: 'Alvarenga Fuentes', ageMin: 18, ageMax: 24 },
      { givenNames: 'Jorge', surnames: 'Pineda Ortiz', ageMin: 30, ageMax: 40 },
    ])
      await post(karla, '/api/missing/found', { kind: 'unidentified_remains', sex: 'M', foundPlace: 'Altar', ...f });
    reports.kevin = await post(karla, '/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga Fuentes',
      sex: 'M',
      birthDate: '2005-01-09',
      lastContact: { date: '2024-04-20', place: 'Coatzacoalcos' },
      traceConsent: consent,
    });
    reports.jorge = await post(karla, '/api/missing/reports', {
      givenNames: 'Jorge',
      surnames: 'Pineda Ortiz',
      sex: 'M',
      birthDate: '1988-06-20',
    });
    reports.yohana = await post(karla, '/api/missing/reports', {
      givenNames: 'Yohana',
      surnames: 'Cabrera Lima',
      sex: 'F',
      birthDate: '1999-07-30',
    });
  });

  it('needs a second person for remains by default: the same account is refused, the proposer may withdraw', async () => {
    assert.deepEqual((await karla.get('/api/missing/settings')).json(), { secondConfirmation: 'remains' });
    const pair = await pairOf(reports.kevin as string, (c) => c.candidateKind === 'found_record');
    assert.equal(pair.secondConfirmationRequired, true);

    const proposed = await decide(karla, pair.id);
    assert.equal(proposed.statusCode, 200, proposed.body);
    assert.equal((proposed.json() as Candidate).reviewStatus, 'proposed');
    assert.equal((proposed.json() as Candidate).confirmationProposedBy, await accountId('karla@comite.example'));

    const again = await decide(karla, pair.id);
    assert.equal(again.statusCode, 409);
    assert.equal((again.json() as { code: string }).code, 'missing.second_person_required');
    const notHers = await carmen.post(`/api/missing/candidates/${pair.id}/withdraw`, {});
    assert.equal((notHers.json() as { code: string }).code, 'missing.proposal_not_yours');

    const withdrawn = await karla.post(`/api/missing/candidates/${pair.id}/withdraw`, {});
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal((withdrawn.json() as Candidate).reviewStatus, 'pending');
    assert.equal((withdrawn.json() as Candidate).confirmationProposedBy, null);

    assert.equal((await decide(karla, pair.id)).statusCode, 200);
    const confirmed = await decide(carmen, pair.id);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal((confirmed.json() as Candidate).reviewStatus, 'confirmed');

    const [k, c] = [await accountId('karla@comite.example'), await accountId('carmen@comite.example')];
    assert.deepEqual(
      (await actions(pair.id)).map((a) => [a.action, a.actor]),
      [
        ['missing_report.candidate_confirmation_proposed', k],
        ['missing_report.candidate_confirmation_withdrawn', k],
        ['missing_report.candidate_confirmation_proposed', k],
        ['missing_report.candidate_review', c],
      ],
    );
  });

  it("confirms the partner's record with one person by default and opens a tracing request for the holder", async () => {
    const pair = await pairOf(reports.kevin as string, (c) => c.candidateKind === 'person');
    assert.equal(pair.candidateOrgId, shelterOrg);
    assert.equal(pair.candidate?.organisationName, 'Org saltillo');
    assert.equal(pair.secondConfirmationRequired, false);
    const confirmed = await decide(karla, pair.id);
    assert.equal((confirmed.json() as Candidate).reviewStatus, 'confirmed', confirmed.body);

    const list = await shelter.get('/api/notifications');
    assert.equal(list.statusCode, 200, list.body);
    const notices = (list.json() as { items: { kind: string; recordType: string; recordId: string; link: string }[] })
      .items;
    const notice = notices.find((n) => n.kind === 'missing.match_confirmed_holder');
    assert.ok(notice, 'the shelter coordinator is notified');
    assert.equal(notice.recordType, 'tracing_request');
    assert.equal(notice.link, `/search/tracing/${notice.recordId}`);
    // The link opens: the shelter's inbox holds the request, with the confirmed record as its reference.
    const request = await shelter.get(`/api/missing/tracing/${notice.recordId}`);
    assert.equal(request.statusCode, 200, request.body);
    const body = request.json() as {
      direction: string;
      status: string;
      query: { givenNames?: string };
      partnerCandidates: { record: { givenNames?: string } }[];
    };
    assert.equal(body.direction, 'incoming');
    assert.equal(body.status, 'sent');
    assert.equal(body.query.givenNames, 'Kevin');
    assert.deepEqual(
      body.partnerCandidates.map((c) => c.record.givenNames),
      ['Kebin'],
    );
    const trail = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'missing_report.match_confirmed_holder' AND org_id = $1",
      [shelterOrg],
    );
    assert.equal(trail.rows[0]?.n, 1);
    // The committee's own case owner is told too (never the family).
    const own = await karla.get('/api/notifications');
    assert.ok((own.json() as { items: { kind: string }[] }).items.some((n) => n.kind === 'missing.match_confirmed'));
  });

  it("only an administrator changes the setting; 'none' lets one person confirm remains", async () => {
    assert.equal((await karla.put('/api/missing/settings', { secondConfirmation: 'none' })).statusCode, 403);
    const set = await admin.put('/api/missing/settings', { secondConfirmation: 'none' });
    assert.equal(set.statusCode, 200, set.body);
    const pair = await pairOf(reports.jorge as string, (c) => c.candidateKind === 'found_record');
    assert.equal(pair.secondConfirmationRequired, false);
    const confirmed = await decide(karla, pair.id);
    assert.equal((confirmed.json() as Candidate).reviewStatus, 'confirmed', confirmed.body);
  });

  it("'all' asks a second person for every match; without the family's consent the holder hears only of its record", async () => {
    assert.equal((await admin.put('/api/missing/settings', { secondConfirmation: 'all' })).statusCode, 200);
    const pair = await pairOf(reports.yohana as string, (c) => c.candidateKind === 'person');
    assert.equal(pair.secondConfirmationRequired, true);
    assert.equal(((await decide(karla, pair.id)).json() as Candidate).reviewStatus, 'proposed');
    const before = (await shelter.get('/api/notifications')).json() as { items: { kind: string }[] };
    assert.equal(before.items.filter((n) => n.kind === 'missing.match_confirmed_holder').length, 1);
    assert.equal(((await decide(carmen, pair.id)).json() as Candidate).reviewStatus, 'confirmed');
    const after = (await shelter.get('/api/notifications')).json() as {
      items: { kind: string; recordType: string; link: string }[];
    };
    const notice = after.items.find((n) => n.kind === 'missing.match_confirmed_holder' && n.recordType === 'person');
    assert.ok(notice, 'the shelter hears that its record was confirmed');
    assert.match(notice.link, /^\/people\/[0-9a-f-]{36}$/);
    const requests = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tracing_requests WHERE report_id = $1',
      [reports.yohana],
    );
    assert.equal(requests.rows[0]?.n, 0, 'no field of the report left the committee');
  });
});
