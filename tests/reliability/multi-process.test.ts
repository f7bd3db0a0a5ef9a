// Three app processes on one PostgreSQL behind a round-robin proxy, as a national network would
// run it: sessions are valid on every process; a logout on one is refused on the others within a
// second although each caches sessions for a minute (LISTEN/NOTIFY, not a time window); under
// load, the process leading the audit sealer is killed: nothing acknowledged is lost, another
// process takes over sealing, the audit chain verifies and no background job ran twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresTestDatabaseUrl, testDatabaseKinds } from '../../apps/server/src/testing/test-database.ts';
import { acompana, httpLogin, startServer, type HttpSession, type RealServer } from './real-server.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.ts';

const kinds = await testDatabaseKinds();
const EMAIL = 'varios@casa.example';
const PASSWORD = 'una clave larga de prueba';
const LEADS = /Audit sealer: this process \(pid (\d+)\) leads/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function status(baseUrl: string, session: HttpSession, path = '/api/me'): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  await response.arrayBuffer();
  return response.status;
}

async function postPerson(baseUrl: string, session: HttpSession, tag: string): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/api/people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ givenNames: `Varios ${tag}`, surnames: 'Prueba Procesos' }),
  });
  const body = await response.text();
  return response.status === 201 ? (JSON.parse(body) as { id: string }).id : undefined;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('three app processes on one PostgreSQL', { skip: !kinds.includes('postgres') && 'no PostgreSQL' }, () => {
  const dataDirs: string[] = [];
  const env: Record<string, string> = {
    ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
    ACOMPANA_DEMO: 'false',
    // A minute: only a signal between processes can make a logout felt within a second.
    ACOMPANA_SESSION_CACHE_MS: '60000',
  };
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let servers: RealServer[] = [];
  let proxy: RoundRobinProxy | undefined;
  let sql: pg.Client | undefined;

  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'acompana-multi-'));
    dataDirs.push(dir);
    return dir;
  };

  before(async () => {
    database = await createPostgresTestDatabaseUrl();
    env.DATABASE_URL = database.url;
    const created = await acompana(
      { ...env, ACOMPANA_DATA_DIR: dataDir() },
      'user',
      'create',
      '--org',
      'casa-varios',
      '--email',
      EMAIL,
      '--password',
      PASSWORD,
      '--role',
      'caseworker',
      '--no-2fa',
    );
    assert.equal(created.code, 0, created.stderr);
    servers = await Promise.all([0, 1, 2].map(() => startServer({ ...env, ACOMPANA_DATA_DIR: dataDir() })));
    proxy = await startRoundRobinProxy(servers.map((s) => s.baseUrl));
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });

  after(async () => {
    await proxy?.close();
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await sql?.end();
    await database?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a session valid on every process, and a logout on one is refused on the others within a second', async () => {
    const [a, b, c] = servers as [RealServer, RealServer, RealServer];
    const session = await httpLogin(a.baseUrl, EMAIL, PASSWORD);
    // Each process has now cached the session (for a minute).
    for (const server of servers) assert.equal(await status(server.baseUrl, session), 200);
    const logout = await fetch(`${a.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    assert.ok(logout.status < 300, `logout answered ${logout.status}`);
    const loggedOutAt = Date.now();
    for (const server of [b, c]) {
      const refusedAfter = await waitFor(
        'the logout to reach another process',
        async () => ((await status(server.baseUrl, session)) === 401 ? Date.now() - loggedOutAt : undefined),
        5000,
      );
      assert.ok(refusedAfter < 1000, `refused after ${refusedAfter} ms`);
    }
  });

  it('loses nothing acknowledged when the sealing process dies under load; sealing fails over; no job runs twice', async (t) => {
    assert.ok(proxy && sql);
    const session = await httpLogin(proxy.baseUrl, EMAIL, PASSWORD);
    const leaders = servers.filter((s) => LEADS.test(s.output()));
    assert.equal(leaders.length, 1, 'exactly one process leads the audit sealer');
    const leader = leaders[0] as RealServer;

    const acked: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async (w: number) => {
      while (!stop) {
        const id = await postPerson(proxy!.baseUrl, session, `${w}-${n++}`).catch(() => undefined);
        if (id) acked.push(id);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await waitFor('first acknowledgements', async () => (acked.length >= 20 ? true : undefined), 30_000);
    await leader.kill('SIGKILL');
    const ackedAtKill = acked.length;
    await sleep(3000);
    stop = true;
    await Promise.all(writers);
    assert.ok(acked.length > ackedAtKill, 'writes went on through the surviving processes');

    // Another process leads within a few seconds.
    const survivors = servers.filter((s) => s !== leader);
    await waitFor(
      'a new sealing leader',
      async () => (survivors.some((s) => LEADS.test(s.output())) ? true : undefined),
      15_000,
    );

    // Nothing acknowledged lost.
    const { rows } = await sql.query<{ id: string }>('SELECT id::text AS id FROM people WHERE id = ANY($1::uuid[])', [
      acked,
    ]);
    assert.equal(rows.length, new Set(acked).size, 'every acknowledged registration is stored');

    // The new leader chains everything appended, also what the dead process had not sealed.
    const lastSeq = Number((await sql.query('SELECT max(seq) AS m FROM audit_log')).rows[0]?.m);
    await waitFor(
      'the audit log to be sealed',
      async () =>
        Number((await sql!.query('SELECT last_seq FROM audit_head')).rows[0]?.last_seq) >= lastSeq ? true : undefined,
      15_000,
    );
    const verified = await acompana({ ...env, ACOMPANA_DATA_DIR: dataDir() }, 'audit', 'verify');
    assert.equal(verified.code, 0, `${verified.stdout}\n${verified.stderr}`);

    // Every registration enqueued a matching job: each ran once, by one of the processes. A job the
    // killed process held stays reserved until its lease ends (worker ids name host and pid).
    const deadWorker = `:${leader.pid}:`;
    const unfinished = async () =>
      (
        await sql!.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM jobs WHERE kind = 'missing.match_person' AND (status = 'pending' OR (status = 'running' AND position($1 in locked_by) = 0))",
          [deadWorker],
        )
      ).rows[0]?.n;
    await waitFor('the matching jobs to drain', async () => ((await unfinished()) === 0 ? true : undefined), 120_000);
    const jobs = await sql.query<{ status: string; attempts: number; locked_by: string | null }>(
      "SELECT status, attempts, locked_by FROM jobs WHERE kind = 'missing.match_person'",
    );
    assert.ok(jobs.rows.length > 0, 'registrations enqueued matching jobs');
    const twice = jobs.rows.filter((j) => j.attempts > 1);
    assert.deepEqual(twice, [], 'no job was claimed twice');
    const workers = new Set(jobs.rows.filter((j) => j.status === 'done').map((j) => j.locked_by));
    t.diagnostic(
      `${acked.length} acknowledged (${ackedAtKill} before the kill); ${jobs.rows.length} jobs done by ${workers.size} processes; answered: ${[...proxy.answeredBy.values()].join('/')}`,
    );
  });
});
