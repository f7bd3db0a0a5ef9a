// A real PostgreSQL hot standby (pg_basebackup of a cluster of the test's own, streaming) as the
// read replica of a real server: searches read from it (a standby whose replay is paused does
// not show a new entry to a reader who wrote nothing), a reader who just wrote reads from the
// primary until the standby has replayed her write, and when the standby stops, reads fall back
// to the primary and /api/health says so.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { requirement } from '../test-requirements.ts';
import { acompana, httpLogin, startServer, type HttpSession, type RealServer } from './real-server.ts';
import { createClusters, postgresBinDir, type Cluster } from './pg-cluster.ts';

const binDir = postgresBinDir();
const skip = requirement(binDir ? null : 'PostgreSQL server binaries (initdb, pg_basebackup) not found');
const PASSWORD = 'una clave larga de prueba';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson<T>(server: RealServer, session: HttpSession | null, path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: session ? { cookie: session.cookie } : {} });
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text}`);
  return JSON.parse(text) as T;
}

async function send(server: RealServer, session: HttpSession, method: string, path: string, body: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${text}`);
  return text;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('reads from a streaming replica', { skip, timeout: 180_000 }, () => {
  const clusters = binDir ? createClusters(binDir) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'acompana-replica-'));
  let primary: Cluster;
  let standby: Cluster;
  let server: RealServer | undefined;
  let env: Record<string, string>;

  before(async () => {
    assert.ok(clusters);
    primary = await clusters.primary();
    const admin = new pg.Client({ connectionString: primary.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE acompana');
    await admin.end();
    standby = await clusters.standby(primary);
    env = {
      ACOMPANA_DATA_DIR: dataDir,
      ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
      ACOMPANA_DEMO: 'false',
      DATABASE_URL: primary.url('acompana'),
      DATABASE_REPLICA_URL: standby.url('acompana'),
    };
    for (const [email, role] of [
      ['admin@replica.example', 'admin'],
      ['cw@replica.example', 'caseworker'],
    ] as const) {
      const created = await acompana(
        env,
        'user',
        'create',
        '--org',
        'casa-replica',
        '--email',
        email,
        '--password',
        PASSWORD,
        '--role',
        role,
        '--no-2fa',
      );
      assert.equal(created.code, 0, created.stderr);
    }
    server = await startServer(env);
  });

  after(async () => {
    await server?.kill('SIGTERM');
    standby?.stop('immediate');
    primary?.stop('immediate');
    clusters?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('searches read from the standby, a writer reads her own writes, and a stopped standby falls back to the primary', async () => {
    assert.ok(server);
    const health = () => getJson<{ replica: string }>(server!, null, '/api/health');
    assert.equal((await health()).replica, 'in_use');
    const admin = await httpLogin(server.baseUrl, 'admin@replica.example', PASSWORD);
    const worker = await httpLogin(server.baseUrl, 'cw@replica.example', PASSWORD);
    type Page = { items: { action: string; recordId: string | null }[] };
    const registrations = async () =>
      (await getJson<Page>(server!, admin, '/api/admin/audit-log?action=person.create&limit=50')).items.map(
        (i) => i.recordId,
      );

    type Table = { cells: { keys: (string | null)[]; count: number | null }[] };
    const registered = async () =>
      (await getJson<Table>(server!, admin, '/api/stats/people.registered')).cells.find((c) =>
        c.keys.every((k) => k === null),
      )?.count ?? 0;
    // The standby stops replaying: what the caseworker registers now is on the primary only.
    const standbySql = new pg.Client({ connectionString: standby.url('acompana') });
    await standbySql.connect();
    try {
      await until('the standby to have the accounts', async () => (await registrations()).length === 0);
      await standbySql.query('SELECT pg_wal_replay_pause()');
      const created = JSON.parse(
        await send(server, worker, 'POST', '/api/people', { givenNames: 'Réplica', surnames: 'Prueba' }),
      ) as { id: string };
      await sleep(1500);
      assert.equal((await health()).replica, 'in_use', 'a small lag keeps the replica in use');
      assert.ok(!(await registrations()).includes(created.id), 'the search read the paused standby');
      assert.equal(await registered(), 0, "the organisation's dashboard read the paused standby");

      // Once the administrator writes, her reads come from the primary until the standby catches up.
      await send(server, admin, 'PUT', '/api/me/locale', { locale: 'en' });
      assert.ok((await registrations()).includes(created.id), 'a writer reads from the primary');
      assert.equal(await registered(), 1, 'her dashboard too');

      await standbySql.query('SELECT pg_wal_replay_resume()');
      await until('the standby to catch up', async () => (await registrations()).includes(created.id));
    } finally {
      await standbySql.end();
    }

    // The standby goes away: reads fall back to the primary, and health says so.
    standby.stop('immediate');
    await until('health to report the fallback', async () => (await health()).replica === 'fallback');
    const second = JSON.parse(
      await send(server, worker, 'POST', '/api/people', { givenNames: 'Sin', surnames: 'Réplica' }),
    ) as { id: string };
    const fresh = await httpLogin(server.baseUrl, 'admin@replica.example', PASSWORD);
    const items = (await getJson<Page>(server, fresh, '/api/admin/audit-log?action=person.create&limit=50')).items;
    assert.ok(
      items.some((i) => i.recordId === second.id),
      'reads on the primary',
    );
  });
});
