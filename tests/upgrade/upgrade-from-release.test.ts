// Upgrades (issue 11, item 8): a database populated by the previous release — built with that
// release's own code, kept as a data fixture (tests/upgrade/fixtures/) — is upgraded by today's
// start-up migrations on PGlite and on PostgreSQL, and afterwards every record is still there and
// readable, the audit chain still verifies, and today's features work on yesterday's records.
// It also holds the forward-only rule: a migration that shipped in a release never changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { migrate, defaultMigrationsDir, readMigrations } from '../../apps/server/src/kernel/db/migrate.ts';
import type { Database } from '../../apps/server/src/kernel/db/database.ts';
import { openPgliteDatabase } from '../../apps/server/src/kernel/db/pglite-database.ts';
import { openPostgresDatabase } from '../../apps/server/src/kernel/db/postgres-database.ts';
import {
  createPostgresTestDatabaseUrl,
  testDatabaseKinds,
  type DatabaseKind,
} from '../../apps/server/src/testing/test-database.ts';
import { loadConfig } from '../../apps/server/src/kernel/config.ts';
import { openRuntime, type Runtime } from '../../apps/server/src/bootstrap.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { verifyAuditChain } from '../../apps/server/src/audit/audit-log.ts';
import { clientFor, type ApiClient } from '../../apps/server/src/testing/test-harness.ts';

interface Release {
  release: string;
  masterKeyHex: string;
  demoPassword: string;
  migrations: Record<string, string>;
}

const fixtures = new URL('./fixtures/', import.meta.url);
const releases = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f.replace(/\.json$/, ''),
    meta: JSON.parse(readFileSync(new URL(f, fixtures), 'utf8')) as Release,
  }));
const kinds = await testDatabaseKinds();

/** The fixture's INSERT statements and the tables they fill. */
function fixtureData(file: string): { sql: string; tables: string[] } {
  const sql = readFileSync(new URL(`${file}.sql`, fixtures), 'utf8');
  const tables = [...new Set([...sql.matchAll(/^INSERT INTO (\S+)/gm)].map((m) => m[1] as string))];
  return { sql, tables };
}

/** A database at the release's schema: its migrations only, from a copy of those files. */
async function migrateToRelease(db: Database, release: Release): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'acompana-release-migrations-'));
  try {
    for (const name of Object.keys(release.migrations)) copyFileSync(join(defaultMigrationsDir, name), join(dir, name));
    await migrate(db, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openEmpty(kind: DatabaseKind): Promise<{ db: Database; url?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase({});
    return { db, drop: async () => undefined };
  }
  const created = await createPostgresTestDatabaseUrl();
  const db = await openPostgresDatabase(created.url, 4);
  return { db, url: created.url, drop: created.drop };
}

for (const { file, meta } of releases) {
  describe(`upgrade from release ${meta.release}`, () => {
    it('never changes a migration that shipped in the release', () => {
      for (const [name, checksum] of Object.entries(meta.migrations)) {
        const now = createHash('sha256')
          .update(readFileSync(join(defaultMigrationsDir, name)))
          .digest('hex');
        assert.equal(now, checksum, `${name} changed after release ${meta.release}: add a new migration instead`);
      }
    });

    for (const kind of kinds) {
      describe(`on ${kind}`, () => {
        let runtime: Runtime;
        let app: FastifyInstance;
        let dataDir: string;
        let drop: () => Promise<void> = async () => undefined;
        const counts = new Map<string, number>();

        before(async () => {
          const empty = await openEmpty(kind);
          drop = empty.drop;
          await migrateToRelease(empty.db, meta);
          const { sql, tables } = fixtureData(file);
          await empty.db.transaction(async (tx) => {
            // Rows a migration seeded (the audit head, taxonomy terms) are replaced by the release's own.
            for (const table of tables) if (table !== 'public.audit_log') await tx.exec(`DELETE FROM ${table}`);
            await tx.exec(sql);
          });
          for (const table of [
            'public.people',
            'public.procedures',
            'public.screenings',
            'public.incident_events',
            'public.missing_reports',
            'public.audit_log',
          ]) {
            const { rows } = await empty.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
            counts.set(table, Number(rows[0]?.n));
          }
          dataDir = mkdtempSync(join(tmpdir(), 'acompana-upgrade-'));
          const config = loadConfig({
            ACOMPANA_MASTER_KEY: meta.masterKeyHex,
            ACOMPANA_DATA_DIR: dataDir,
            ACOMPANA_DEMO: 'false',
            ...(empty.url ? { DATABASE_URL: empty.url } : {}),
          });
          // Start-up as an operator runs it after installing the new version: pending migrations first.
          runtime = await openRuntime(config, { database: empty.db });
          app = await buildApp(runtime.ctx);
        });

        after(async () => {
          await app?.close();
          await runtime?.close();
          await drop();
          rmSync(dataDir, { recursive: true, force: true });
        });

        async function login(email: string): Promise<ApiClient> {
          const response = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email, password: meta.demoPassword },
          });
          assert.equal(response.statusCode, 200, response.body);
          const cookie = response.cookies.find((c) => c.name === 'acompana_session');
          return clientFor(
            app,
            `acompana_session=${cookie?.value}`,
            (response.json() as { csrfToken: string }).csrfToken,
          );
        }

        it('applies every migration added since the release, and only those', async () => {
          const { rows } = await runtime.db.query<{ name: string }>(
            'SELECT name FROM schema_migrations ORDER BY version',
          );
          assert.deepEqual(
            rows.map((r) => r.name),
            readMigrations().map((m) => m.name),
          );
          for (const [table, before] of counts) {
            if (table === 'public.audit_log') continue;
            const { rows: now } = await runtime.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
            assert.equal(Number(now[0]?.n), before, `${table} lost or gained rows in the upgrade`);
          }
        });

        it("keeps the release's audit chain verifiable", async () => {
          const result = await verifyAuditChain(runtime.db, runtime.ctx.keyring.systemKey('audit'));
          assert.equal(result.ok, true, JSON.stringify(result));
        });

        it('finds and decrypts a person registered before the upgrade, with their screening', async () => {
          const shelter = await login('trabajo.social@soconusco.example');
          const found = (await shelter.get(`/api/people?q=${encodeURIComponent('dania maradiaga')}`)).json() as {
            items: { id: string; givenNames: string }[];
          };
          assert.equal(found.items[0]?.givenNames, 'Dania Yamileth');
          const person = (await shelter.get(`/api/people/${found.items[0]?.id}`)).json() as {
            documents: { number: string }[];
            notes: string;
            version: number;
          };
          assert.equal(person.documents[0]?.number, 'F1234567');
          assert.match(person.notes, /hijo de 6 años/);
          const screenings = (await shelter.get(`/api/people/${found.items[0]?.id}/screenings`)).json() as {
            items: { answers: Record<string, unknown> }[];
          };
          assert.deepEqual(screenings.items[0]?.answers.fear_reasons, ['gang_threats']);
          // Today's code changes yesterday's record: an update with the version it read.
          const changed = await shelter.request({
            method: 'PATCH',
            url: `/api/people/${found.items[0]?.id}`,
            payload: { version: person.version, notes: 'Actualizado después de la actualización.' },
          });
          assert.equal(changed.statusCode, 200, changed.body);
        });

        it("lists every one of the shelter's people, each readable", async () => {
          const shelter = await login('coordinacion@soconusco.example');
          const { rows } = await runtime.db.query<{ n: string }>(
            "SELECT count(*)::text AS n FROM people p JOIN organisations o ON o.id = p.org_id WHERE o.slug = 'albergue-tapachula'",
          );
          const ids: string[] = [];
          let cursor: string | undefined;
          do {
            const page = (
              await shelter.get(`/api/people?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
            ).json() as { items: { id: string }[]; nextCursor?: string | null };
            ids.push(...page.items.map((i) => i.id));
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          assert.equal(ids.length, Number(rows[0]?.n));
          for (const id of ids.slice(0, 10)) assert.equal((await shelter.get(`/api/people/${id}`)).statusCode, 200);
        });

        it('opens the incident and the missing-person report recorded before the upgrade', async () => {
          const documentation = await login('documentacion@soconusco.example');
          const incidents = (await documentation.get('/api/incidents')).json() as { items: { id: string }[] };
          const incident = (await documentation.get(`/api/incidents/${incidents.items[0]?.id}`)).json() as {
            narrative: string;
            acts: unknown[];
          };
          assert.match(incident.narrative, /grupo de 5 personas/);
          assert.equal(incident.acts.length, 1);
          const committee = await login('busqueda@familiascholoma.example');
          const reports = (await committee.get('/api/missing/reports')).json() as { items: { id: string }[] };
          const report = (await committee.get(`/api/missing/reports/${reports.items[0]?.id}`)).json() as {
            givenNames: string;
            relatives: { name: string }[];
          };
          assert.equal(report.givenNames, 'Kevin');
          assert.equal(report.relatives[0]?.name, 'Rosa Alvarenga');
        });

        it('keeps the chain verifiable after new writes on the upgraded database', async () => {
          const shelter = await login('trabajo.social@soconusco.example');
          assert.equal(
            (await shelter.post('/api/people', { givenNames: 'Wilner', surnames: 'Jean-Baptiste', nationality: 'HT' }))
              .statusCode,
            201,
          );
          const result = await verifyAuditChain(runtime.db, runtime.ctx.keyring.systemKey('audit'));
          assert.equal(result.ok, true, JSON.stringify(result));
        });
      });
    }
  });
}
