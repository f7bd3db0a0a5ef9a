// Crash safety: the real server process is killed with SIGKILL at a random moment while people
// are being registered over HTTP; after a restart on the same data, every registration that was
// acknowledged (201) is there and readable, no row is half-written (each decrypts, each has its
// audit entry), the audit chain verifies, and the killed process's lock did not block the restart.
// Runs on the embedded database (PGlite) and on PostgreSQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteDatabase } from '../../apps/server/src/kernel/db/pglite-database.ts';
import { createPostgresTestDatabaseUrl, testDatabaseKinds } from '../../apps/server/src/testing/test-database.ts';
import { acompana, httpLogin, startServer, type HttpSession, type RealServer } from './real-server.ts';

const kinds = await testDatabaseKinds();
const EMAIL = 'crash@casa.example';
const PASSWORD = 'una clave larga de prueba';
const WRITERS = 4;

interface Sent {
  givenNames: string;
  notes: string;
  document: string;
}

function personBody(tag: string): Sent {
  return {
    givenNames: `Crash ${tag}`,
    notes: `Nota ${tag} ${'ñ'.repeat(200)}`,
    document: `P${tag.replace(/\D/g, '')}X`,
  };
}

async function postPerson(server: RealServer, session: HttpSession, sent: Sent): Promise<string | undefined> {
  const response = await fetch(`${server.baseUrl}/api/people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({
      givenNames: sent.givenNames,
      surnames: 'Prueba Fallo',
      notes: sent.notes,
      documents: [{ type: 'passport', number: sent.document }],
    }),
  });
  const body = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/people answered ${response.status}: ${body}`);
  return (JSON.parse(body) as { id: string }).id;
}

async function getJson<T>(server: RealServer, session: HttpSession, path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: session.cookie } });
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${path}: ${response.status} ${body}`);
  return JSON.parse(body) as T;
}

/** Every person id the API lists for the account (all pages). */
async function listAllIds(server: RealServer, session: HttpSession): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await getJson(
      server,
      session,
      `/api/people?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

// Both databases at once: each run is mostly waiting for its own child processes.
describe('crash safety', { concurrency: true }, () => {
  for (const kind of kinds) {
    describe(`crash safety of the real server [${kind}]`, { timeout: 180_000 }, () => {
      const dataDir = mkdtempSync(join(tmpdir(), `acompana-crash-${kind}-`));
      const env: Record<string, string> = {
        ACOMPANA_DATA_DIR: dataDir,
        ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
        ACOMPANA_DEMO: 'false',
      };
      let database: { url: string; drop: () => Promise<void> } | undefined;
      const cycles = kind === 'pglite' ? 3 : 2;

      before(async () => {
        if (kind === 'postgres') {
          database = await createPostgresTestDatabaseUrl();
          env.DATABASE_URL = database.url;
        }
        const created = await acompana(
          env,
          'user',
          'create',
          '--org',
          'casa-crash',
          '--email',
          EMAIL,
          '--password',
          PASSWORD,
          '--role',
          'caseworker',
          '--no-2fa',
        );
        assert.equal(created.code, 0, created.stderr);
      });
      after(async () => {
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });

      it(`keeps every acknowledged registration across ${cycles} SIGKILLs, and the audit chain verifies`, async (t) => {
        const acked = new Map<string, Sent>();
        let attempted = 0;
        let killedPid: number | undefined;
        for (let cycle = 0; cycle < cycles; cycle++) {
          if (kind === 'pglite' && killedPid !== undefined) {
            // The killed server could not remove its lock: the restart must take it over.
            const lockPath = join(dataDir, 'acompana.lock');
            assert.ok(existsSync(lockPath), 'the killed server left its lock file');
            assert.equal((JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number }).pid, killedPid);
          }
          const server = await startServer(env);
          const session = await httpLogin(server.baseUrl, EMAIL, PASSWORD);
          let stop = false;
          let n = 0;
          // The kill comes at a random moment after the first acknowledgement of this cycle, so
          // that every cycle kills a server that was really writing (even on a busy machine).
          const killAfter = Math.floor(Math.random() * 1000);
          let firstAck!: () => void;
          const acknowledged = new Promise<void>((resolve) => (firstAck = resolve));
          const writer = async (w: number) => {
            while (!stop) {
              const sent = personBody(`${cycle}-${w}-${n++}`);
              attempted++;
              try {
                const id = await postPerson(server, session, sent);
                if (id) acked.set(id, sent);
                firstAck();
              } catch (error) {
                // A refused connection after the kill is expected; an HTTP error answer before it is not.
                if (!stop && /answered/.test((error as Error).message)) throw error;
                return;
              }
            }
          };
          const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
          await Promise.race([acknowledged, Promise.all(writers)]);
          await new Promise((resolve) => setTimeout(resolve, killAfter));
          const exit = await server.kill('SIGKILL');
          stop = true;
          await Promise.all(writers);
          assert.equal(exit.signal, 'SIGKILL');
          killedPid = server.pid;
          t.diagnostic(
            `cycle ${cycle}: killed ${killAfter} ms after the first acknowledgement; ${acked.size} acknowledged of ${attempted} attempted so far`,
          );
        }
        assert.ok(acked.size > 0, 'some registrations were acknowledged before the kills');

        // Restart on the same data: every acknowledged person is there, every row decrypts.
        const server = await startServer(env);
        try {
          const session = await httpLogin(server.baseUrl, EMAIL, PASSWORD);
          const listed = await listAllIds(server, session);
          const listedSet = new Set(listed);
          const missing = [...acked.keys()].filter((id) => !listedSet.has(id));
          assert.deepEqual(missing, [], `${missing.length} acknowledged registrations lost after SIGKILL`);
          assert.ok(listed.length <= attempted, 'no more rows than attempted registrations');
          for (const id of listed) {
            const person = await getJson<{
              id: string;
              givenNames: string;
              notes: string | null;
              documents: { number: string }[];
            }>(server, session, `/api/people/${id}`);
            const sent = acked.get(id);
            if (sent) {
              assert.equal(person.givenNames, sent.givenNames);
              assert.equal(person.notes, sent.notes);
              assert.equal(person.documents[0]?.number, sent.document);
            } else {
              // In flight at the kill: committed before the acknowledgement was lost. Whole or absent.
              assert.match(person.givenNames, /^Crash \d+-\d+-\d+$/);
              assert.match(person.notes ?? '', /^Nota \d+-\d+-\d+ ñ{200}$/);
            }
          }
          // Still writable after the crashes.
          assert.ok(await postPerson(server, session, personBody('9-9-9')));
          t.diagnostic(
            `${acked.size} acknowledged, ${listed.length} present (${listed.length - acked.size} committed in flight), of ${attempted} attempted`,
          );
        } finally {
          const exit = await server.kill('SIGTERM');
          assert.equal(exit.code, 0, `clean shutdown:\n${server.output()}`);
        }

        // No half-written record: every person row has its audit entry (same transaction).
        const countSql = `SELECT (SELECT count(*) FROM people)::int AS people,
                                 (SELECT count(*) FROM audit_log WHERE action = 'person.create')::int AS audited`;
        let counts: { people: number; audited: number } | undefined;
        if (kind === 'pglite') {
          const db = await openPgliteDatabase({ dataDir, purpose: 'crash test check' });
          try {
            counts = (await db.query<{ people: number; audited: number }>(countSql)).rows[0];
          } finally {
            await db.close();
          }
        } else {
          const client = new pg.Client({ connectionString: env.DATABASE_URL });
          await client.connect();
          try {
            counts = (await client.query<{ people: number; audited: number }>(countSql)).rows[0];
          } finally {
            await client.end();
          }
        }
        assert.ok(counts);
        assert.equal(counts.people, counts.audited, 'every person row has its person.create audit entry');
        assert.ok(counts.people >= acked.size + 1);

        const verified = await acompana(env, 'audit', 'verify');
        assert.equal(verified.code, 0, `audit verify: ${verified.stdout}${verified.stderr}`);
        assert.match(verified.stdout, /audit chain intact/);
      });
    });
  }
});
