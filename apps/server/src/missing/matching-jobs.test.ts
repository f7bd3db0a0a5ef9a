// Continuous matching (decision 0121): people registered after a report are matched by the job
// queue, not by the request that registered them; the case owner hears of new candidates once; a
// partner's person becomes a candidate only with a sharing agreement *and* the person's consent.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';

interface Candidate {
  candidateKind: string;
  candidateId: string;
  candidate: { access: string } | null;
}

describeOnBothDatabases('continuous matching of missing-person reports', (h) => {
  let shelter: ApiClient;
  let committee: ApiClient;
  let stranger: ApiClient;
  let ownReportId: string;
  let committeeReportId: string;
  const runJobs = () => createServerJobs(h().ctx).queue.runDueJobs();
  const candidatesOf = async (c: ApiClient, reportId: string) =>
    ((await c.get(`/api/missing/reports/${reportId}/candidates`)).json() as { items: Candidate[] }).items;
  const proposedNotices = async (c: ApiClient, reportId: string) =>
    (
      (await c.get('/api/missing/notifications')).json() as { items: { kind: string; recordId: string }[] }
    ).items.filter((n) => n.kind === 'missing.candidates_proposed' && n.recordId === reportId);
  const register = async (c: ApiClient, body: object) => {
    const r = await c.post('/api/people', body);
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };

  it('sets up a shelter that shares with the committee for search, and an unrelated organisation', async () => {
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    await h().createAccount({ org: 'comite', email: 'familia@comite.example', role: 'search_committee' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    const [albergue, comite] = [await h().createOrg('albergue'), await h().createOrg('comite')];
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [albergue, comite],
    );
    shelter = await h().login('coord@albergue.example');
    committee = await h().login('familia@comite.example');
    stranger = await h().login('coord@otra.example');
  });

  it('matches a person registered after the report in the background, and tells the case owner once', async () => {
    const report = await shelter.post('/api/missing/reports', {
      givenNames: 'María Guadalupe',
      surnames: 'López Ramírez',
      sex: 'F',
      birthDate: '1995-05-02',
      lastContact: { date: '2024-02-10', place: 'Palenque' },
    });
    assert.equal(report.statusCode, 201, report.body);
    ownReportId = (report.json() as { id: string }).id;
    assert.equal((await candidatesOf(shelter, ownReportId)).length, 0);

    const personId = await register(shelter, {
      givenNames: 'Lupe',
      surnames: 'Lopes Ramires',
      sex: 'F',
      birthDate: '1995-05-02',
    });
    assert.equal((await candidatesOf(shelter, ownReportId)).length, 0, 'registering a person does not match inline');
    const { rows } = await h().ctx.db.query<{ kind: string }>(
      "SELECT kind FROM jobs WHERE status = 'pending' AND kind LIKE 'missing.%'",
    );
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['missing.match_person'],
    );

    const first = await runJobs();
    assert.equal(first.failed, 0);
    assert.ok(first.done >= 2, 'the person job, then the report job');
    const after = await candidatesOf(shelter, ownReportId);
    assert.deepEqual(
      after.map((c) => [c.candidateKind, c.candidateId]),
      [['person', personId]],
    );
    assert.equal((await proposedNotices(shelter, ownReportId)).length, 1);

    // A second registration of the same name, the daily sweep and a re-run: nothing new, no second notice.
    await h().ctx.db.query("UPDATE jobs SET run_at = $1 WHERE kind = 'missing.sweep' AND status = 'pending'", [
      h().clock.now,
    ]);
    await createServerJobs(h().ctx).queue.ensureRecurring({ now: true });
    await runJobs();
    assert.equal((await proposedNotices(shelter, ownReportId)).length, 1);
    const { rows: audit } = await h().ctx.db.query<{ actor_account_id: string | null }>(
      "SELECT actor_account_id::text FROM audit_log WHERE action = 'missing_report.match' AND record_id = $1 AND details->>'trigger' = 'job'",
      [ownReportId],
    );
    assert.ok(audit.length >= 2, 'each background run is audited');
    assert.ok(
      audit.every((a) => a.actor_account_id === null),
      'as nobody: the owner did not act',
    );
  });

  it('queues the matching of a new person with the person itself: if the job cannot be queued, nothing is kept', async () => {
    const count = async () =>
      Number((await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people')).rows[0]?.n);
    const before = await count();
    // The queue refuses every new job (as a crash between the two writes would lose it).
    await h().ctx.db.exec(
      `CREATE FUNCTION refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'queue down'; END $$;
       CREATE TRIGGER refuse_jobs BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION refuse_jobs();`,
    );
    try {
      const r = await shelter.post('/api/people', { givenNames: 'Ana', surnames: 'Sin Cola', sex: 'F' });
      assert.ok(r.statusCode >= 500, `${r.statusCode}`);
      assert.equal(await count(), before, 'the person was not kept without its matching job');
    } finally {
      await h().ctx.db.exec('DROP TRIGGER refuse_jobs ON jobs; DROP FUNCTION refuse_jobs();');
    }
  });

  it("makes a partner's person a candidate only once the person consents to sharing", async () => {
    const report = await committee.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
    });
    assert.equal(report.statusCode, 201, report.body);
    committeeReportId = (report.json() as { id: string }).id;

    const kebin = await register(shelter, {
      givenNames: 'Kebin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
    });
    const elsewhere = await register(stranger, {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
    });
    assert.equal(
      (await stranger.post(`/api/people/${elsewhere}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
      201,
    );
    await runJobs();
    assert.deepEqual(
      await candidatesOf(committee, committeeReportId),
      [],
      'agreement without consent, or consent without agreement: no candidate',
    );
    assert.equal((await proposedNotices(committee, committeeReportId)).length, 0);

    assert.equal(
      (await shelter.post(`/api/people/${kebin}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
      201,
    );
    await runJobs();
    const items = await candidatesOf(committee, committeeReportId);
    assert.deepEqual(
      items.map((c) => [c.candidateId, c.candidate?.access]),
      [[kebin, 'partner']],
    );
    assert.equal((await proposedNotices(committee, committeeReportId)).length, 1);
  });

  it('stops matching a report once it is closed; a stale status change is refused', async () => {
    const report = (await shelter.get(`/api/missing/reports/${ownReportId}`)).json() as { version: number };
    const closed = await shelter.post(`/api/missing/reports/${ownReportId}/status`, {
      status: 'located_alive',
      version: report.version,
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((closed.json() as { status: string }).status, 'located_alive');
    const stale = await shelter.post(`/api/missing/reports/${ownReportId}/status`, {
      status: 'closed',
      version: report.version,
    });
    assert.deepEqual([stale.statusCode, (stale.json() as { code: string }).code], [409, 'record.conflict']);
    await register(shelter, {
      givenNames: 'María Guadalupe',
      surnames: 'López Ramírez',
      sex: 'F',
      birthDate: '1995-05-02',
    });
    await runJobs();
    assert.equal((await candidatesOf(shelter, ownReportId)).length, 1, 'a located person is not searched for any more');
    const { rows } = await h().ctx.db.query<{ details: { from: string; to: string } }>(
      "SELECT details FROM audit_log WHERE action = 'missing_report.status_change' AND record_id = $1",
      [ownReportId],
    );
    assert.deepEqual(
      rows.map((r) => [r.details.from, r.details.to]),
      [['open', 'located_alive']],
    );
  });

  it('leaves no job behind and never fails', async () => {
    const { rows } = await h().ctx.db.query<{ kind: string; status: string }>(
      "SELECT kind, status FROM jobs WHERE kind LIKE 'missing.%' AND status <> 'done' ORDER BY kind",
    );
    assert.deepEqual(rows, [{ kind: 'missing.sweep', status: 'pending' }]);
  });
});
