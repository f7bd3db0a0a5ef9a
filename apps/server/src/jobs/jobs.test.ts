// The job queue on both databases: a job runs once, a failing one is retried with backoff and
// ends 'failed' with its error (visible to administrators, not to others), recurring jobs come
// back, and on PostgreSQL two workers with their own connections never run the same job twice.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { openPostgresDatabase } from '../kernel/db/postgres-database.ts';
import { backoffSeconds, createJobQueue, type JobDefinition } from './job-queue.ts';
import { startJobWorker } from './job-worker.ts';

describeOnBothDatabases('job queue', (h, kind) => {
  const ran: string[] = [];
  let failures = 0;
  const definitions: JobDefinition[] = [
    { kind: 'test.record', run: async (payload) => void ran.push(String(payload.n)) },
    {
      kind: 'test.flaky',
      maxAttempts: 3,
      run: async () => {
        failures += 1;
        throw new Error(`SMTP refused (attempt ${failures})`);
      },
    },
    { kind: 'test.recurring', everyMinutes: 60, run: async () => void ran.push('tick') },
  ];

  before(() => {
    h().clock.now = new Date('2026-03-02T12:00:00Z');
  });

  const queue = () => createJobQueue({ db: h().ctx.db, clock: () => h().clock.now, definitions });

  it('runs a due job once, and a job scheduled later only when its time comes', async () => {
    const q = queue();
    await q.enqueue('test.record', { n: 1 });
    await q.enqueue('test.record', { n: 2 }, { runAt: new Date(h().clock.now.getTime() + 10 * 60_000) });
    assert.deepEqual(await q.runDueJobs(), { done: 1, retried: 0, failed: 0 });
    assert.deepEqual(ran, ['1']);
    assert.deepEqual(await q.runDueJobs(), { done: 0, retried: 0, failed: 0 });
    h().clock.advanceMinutes(11);
    await q.runDueJobs();
    assert.deepEqual(ran, ['1', '2']);
  });

  it('ignores a second job with the same unique key while the first is pending', async () => {
    const q = queue();
    assert.ok(await q.enqueue('test.record', { n: 3 }, { uniqueKey: 'only-once' }));
    assert.equal(await q.enqueue('test.record', { n: 4 }, { uniqueKey: 'only-once' }), null);
    await q.runDueJobs();
    assert.deepEqual(ran.slice(-1), ['3']);
  });

  it('retries a failing job with backoff, then leaves it failed with its last error', async () => {
    const q = queue();
    const id = await q.enqueue('test.flaky');
    assert.deepEqual(await q.runDueJobs(), { done: 0, retried: 1, failed: 0 });
    // Not before its backoff.
    assert.deepEqual(await q.runDueJobs(), { done: 0, retried: 0, failed: 0 });
    h().clock.advanceMinutes(backoffSeconds(1) / 60 + 0.1);
    assert.deepEqual(await q.runDueJobs(), { done: 0, retried: 1, failed: 0 });
    h().clock.advanceMinutes(backoffSeconds(2) / 60 + 0.1);
    assert.deepEqual(await q.runDueJobs(), { done: 0, retried: 0, failed: 1 });
    h().clock.advanceMinutes(600);
    assert.deepEqual(await q.runDueJobs(), { done: 0, retried: 0, failed: 0 });
    const { rows } = await h().ctx.db.query<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM jobs WHERE id = $1',
      [id],
    );
    assert.deepEqual(rows[0], { status: 'failed', attempts: 3, last_error: 'SMTP refused (attempt 3)' });
    assert.equal(failures, 3);
  });

  it('shows failed jobs to administrators and lets them retry one; other roles are refused', async () => {
    const orgId = await h().createOrg('jobs-org');
    await h().createAccount({ org: 'jobs-org', email: 'admin@jobs.example', role: 'admin' });
    await h().createAccount({ org: 'jobs-org', email: 'lawyer@jobs.example', role: 'lawyer' });
    const admin = await h().login('admin@jobs.example');
    const lawyer = await h().login('lawyer@jobs.example');
    await h().ctx.db.query("UPDATE jobs SET org_id = $1 WHERE kind = 'test.flaky'", [orgId]);
    const list = await admin.get('/api/admin/jobs?status=failed');
    assert.equal(list.statusCode, 200, list.body);
    const items = (list.json() as { items: { id: string; kind: string; attempts: number; lastError: string }[] }).items;
    assert.deepEqual(
      items.map((i) => [i.kind, i.attempts, i.lastError]),
      [['test.flaky', 3, 'SMTP refused (attempt 3)']],
    );
    assert.equal((await lawyer.get('/api/admin/jobs?status=failed')).statusCode, 403);
    assert.equal((await lawyer.post(`/api/admin/jobs/${items[0]?.id}/retry`)).statusCode, 403);
    const retry = await admin.post(`/api/admin/jobs/${items[0]?.id}/retry`);
    assert.equal(retry.statusCode, 204, retry.body);
    const before = failures;
    await queue().runDueJobs();
    assert.equal(failures, before + 1, 'the retried job ran again');
  });

  it('re-enqueues a recurring job after each run and brings it forward at start-up', async () => {
    const q = queue();
    await q.ensureRecurring();
    await q.ensureRecurring();
    await q.runDueJobs();
    assert.equal(ran.filter((r) => r === 'tick').length, 1);
    const next = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.recurring' AND status = 'pending'",
    );
    assert.equal(next.rows[0]?.n, 1, 'exactly one next run is pending');
    await q.runDueJobs();
    assert.equal(ran.filter((r) => r === 'tick').length, 1, 'not before its hour');
    await q.ensureRecurring({ now: true });
    await q.runDueJobs();
    assert.equal(ran.filter((r) => r === 'tick').length, 2, 'start-up runs it at once');
  });

  it('the worker runs due jobs on its own and stops cleanly', async () => {
    const q = queue();
    await q.enqueue('test.record', { n: 'worker' });
    const worker = startJobWorker(q, { intervalMs: 20, runRecurringNow: false });
    for (let i = 0; i < 100 && !ran.includes('worker'); i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    assert.ok(ran.includes('worker'));
    await q.enqueue('test.record', { n: 'after-stop' });
    await new Promise((r) => setTimeout(r, 80));
    assert.ok(!ran.includes('after-stop'), 'a stopped worker runs nothing');
    await q.runDueJobs();
  });

  it('drains a backlog without waiting an interval between full batches', async () => {
    const q = queue();
    for (let n = 0; n < 25; n++) await q.enqueue('test.record', { n: `backlog-${n}` });
    // An interval far longer than the test: only back-to-back cycles can run all 25 in time.
    const worker = startJobWorker(q, { intervalMs: 60_000, runRecurringNow: false, maxJobsPerCycle: 5 });
    const backlogDone = () => ran.filter((r) => r.startsWith('backlog-')).length;
    for (let i = 0; i < 200 && backlogDone() < 25; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    assert.equal(backlogDone(), 25, 'every job of the backlog ran before the next interval');
  });

  if (kind === 'postgres') {
    it('two workers on separate connections never run the same job twice', async () => {
      const url = h().databaseUrl as string;
      const other = await openPostgresDatabase(url, 4);
      try {
        const runs = new Map<string, number>();
        const slow: JobDefinition = {
          kind: 'test.count',
          run: async (payload) => {
            const n = String(payload.n);
            runs.set(n, (runs.get(n) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 2));
          },
        };
        const a = createJobQueue({ db: h().ctx.db, clock: () => h().clock.now, definitions: [slow] });
        const b = createJobQueue({ db: other, clock: () => h().clock.now, definitions: [slow] });
        for (let n = 0; n < 60; n++) await a.enqueue('test.count', { n });
        const [ra, rb] = await Promise.all([a.runDueJobs({ batch: 3 }), b.runDueJobs({ batch: 3 })]);
        assert.equal(ra.done + rb.done, 60);
        assert.ok(ra.done > 0 && rb.done > 0, `both workers took part (${ra.done} / ${rb.done})`);
        assert.equal(runs.size, 60);
        assert.deepEqual(
          [...runs.values()].filter((v) => v !== 1),
          [],
          'no job ran twice',
        );
      } finally {
        await other.close();
      }
    });
  }
});
