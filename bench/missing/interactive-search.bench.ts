// Missing-person interactive search (issue 6, item 8): one search of a report against every record
// the organisation may search - POST /api/missing/reports/:id/rematch through the API: blind-index
// retrieval in SQL, decryption of the candidates only, scoring by the engine, storing the best -
// over N synthetic people on PostgreSQL, bulk-inserted as encrypted rows with blind indexes made
// with the organisation's keyring exactly as the people service does (bench/people does the same).
// The table grows step by step (--sizes, default 100000,300000,1000000) and each step is measured,
// so the line shows how time grows. Reports are misspelt copies of people in the table (b/v, s/z,
// a dropped second surname, a nickname), so each search has a true match to find; recallAt20 says
// how often it was among the stored candidates. Prints one JSON line.
// --keep-db NAME keeps the database between runs (a million records load once, ~6 min), so code
// before and after a change is compared on the same records and reports; --debug prints each
// report, each search's phases and each miss.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  clientFor,
  startHarness,
  TEST_PASSWORD,
  type TestHarness,
  type ApiClient,
} from '../../apps/server/src/testing/test-harness.ts';
import { loadConfig } from '../../apps/server/src/kernel/config.ts';
import { openRuntime } from '../../apps/server/src/bootstrap.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { openPostgresDatabase } from '../../apps/server/src/kernel/db/postgres-database.ts';
import { encryptPersonFields, type PersonData } from '../../apps/server/src/people/person-crypto.ts';
import { NAME_CONTEXT, recordBlindIndexes, recordNameKeys } from '../../apps/server/src/people/person-search.ts';
import { seededRandom, syntheticPerson } from '../../apps/server/src/people/demo-names.ts';
import { matchTimings, type MatchTimings } from '../../apps/server/src/missing/search-candidates.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? String(args[i + 1]) : fallback;
};
const sizes = option('sizes', '100000,300000,1000000').split(',').map(Number);
const searches = Number(option('searches', '100'));
const reportsPerStep = Number(option('reports', '50'));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 10) / 10;
}

interface Sample {
  id: string;
  givenNames: string;
  surnames: string;
  sex: string | undefined;
  birthDate: string | undefined;
}

/** What a family tells, as intake staff write it: b/v, s/z, y/ll, dropped accents and second surname. */
function asReported(rand: () => number, s: Sample) {
  const swaps: [RegExp, string][] = [
    [/v/g, 'b'],
    [/b/g, 'v'],
    [/z/g, 's'],
    [/s/g, 'z'],
    [/y/g, 'll'],
    [/j/g, 'g'],
    [/ñ/g, 'n'],
  ];
  let surnames = rand() < 0.4 ? (s.surnames.split(' ')[0] ?? '') : s.surnames;
  const swap = swaps[Math.floor(rand() * swaps.length)];
  if (swap) surnames = surnames.replace(swap[0], swap[1]);
  const given = (s.givenNames.split(' ')[0] ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const birth = s.birthDate && rand() < 0.7 ? (rand() < 0.3 ? s.birthDate.slice(0, 4) : s.birthDate) : undefined;
  return {
    givenNames: given,
    surnames,
    ...(s.sex ? { sex: s.sex } : {}),
    ...(birth ? { birthDate: birth } : {}),
    lastContact: { date: '2025-01-15', place: 'Tapachula' },
  };
}

async function load(
  h: TestHarness,
  orgId: string,
  account: string,
  from: number,
  to: number,
  rand: () => number,
  samples: Sample[],
  sampleRate: number,
): Promise<void> {
  const BATCH = 1000;
  for (let done = from; done < to; done += BATCH) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = 0; i < Math.min(BATCH, to - done); i++) {
      const p = syntheticPerson(rand);
      const id = randomUUID();
      if (rand() < sampleRate)
        samples.push({
          id,
          givenNames: p.givenNames ?? '',
          surnames: p.surnames ?? '',
          sex: p.sex,
          birthDate: p.birthDate,
        });
      const data: Partial<PersonData> = {
        givenNames: p.givenNames ?? '',
        surnames: p.surnames ?? '',
        aliases: p.aliases ?? [],
        birthDate: p.birthDate,
        origin: p.origin,
        documents: p.documents ?? [],
      };
      const enc = await encryptPersonFields(h.ctx.keyring, orgId, data);
      const bi = await recordBlindIndexes(
        h.ctx.keyring,
        orgId,
        data,
        (p.documents ?? []).map((d) => d.number),
      );
      const birthYear = p.birthDate ? Number(p.birthDate.slice(0, 4)) : null;
      const row = [
        id,
        orgId,
        account,
        p.sex ?? null,
        p.nationality ?? null,
        birthYear,
        enc.given_names,
        enc.surnames,
        enc.aliases ?? null,
        enc.birth_date ?? null,
        enc.origin ?? null,
        enc.documents ?? null,
        bi.name_bi,
        bi.name_trigram_bi,
        bi.document_bi,
      ];
      const base = params.length;
      params.push(...row);
      values.push(`(${row.map((_, j) => `$${base + j + 1}${j >= 12 ? '::text[]' : ''}`).join(', ')})`);
    }
    await h.ctx.db.query(
      `INSERT INTO people (id, org_id, owner_account_id, sex, nationality, birth_year, given_names, surnames, aliases, birth_date, origin, documents, name_bi, name_trigram_bi, document_bi) VALUES ${values.join(', ')}`,
      params,
    );
  }
  // A steady state: autovacuum would have merged the GIN pending lists and gathered statistics.
  await h.ctx.db.query('VACUUM ANALYZE people');
}

async function measure(client: ApiClient, rand: () => number, samples: Sample[]) {
  const reports: { id: string; truth: string; fullBirthDate: boolean }[] = [];
  const createTimes: number[] = [];
  for (let i = 0; i < reportsPerStep && samples.length; i++) {
    const s = samples.splice(Math.floor(rand() * samples.length), 1)[0] as Sample;
    const t0 = performance.now();
    const body = asReported(rand, s);
    const r = await client.post('/api/missing/reports', body);
    createTimes.push(performance.now() - t0);
    if (r.statusCode !== 201) throw new Error(`report failed: ${r.body}`);
    reports.push({
      id: (r.json() as { id: string }).id,
      truth: s.id,
      fullBirthDate: (body.birthDate ?? '').length === 10,
    });
    if (args.includes('--debug'))
      console.error('report', reports[reports.length - 1]?.id, JSON.stringify(body), 'truth', JSON.stringify(s));
  }
  const times: number[] = [];
  // Where the time of each search goes (published by the matching service while someone listens).
  const phases: MatchTimings[] = [];
  const listen = (message: unknown) => phases.push(message as MatchTimings);
  let found = 0;
  let foundWithBirth = 0;
  let candidates = 0;
  for (let i = 0; i < searches + 10; i++) {
    const report = reports[i % reports.length] as { id: string };
    if (i === 10) matchTimings.subscribe(listen);
    const t0 = performance.now();
    const r = await client.post(`/api/missing/reports/${report.id}/rematch`);
    const ms = performance.now() - t0;
    if (r.statusCode !== 200) throw new Error(`search failed: ${r.body}`);
    if (i >= 10) times.push(ms); // the first searches warm up JIT and caches
    if (i >= 10 && args.includes('--debug'))
      console.error('search', Math.round(ms), JSON.stringify(phases[phases.length - 1]), report.id);
  }
  matchTimings.unsubscribe(listen);
  const phase = (k: 'retrieveMs' | 'decryptMs' | 'scoreMs' | 'storeMs' | 'candidates') => ({
    p50: percentile(
      phases.map((x) => x[k]),
      50,
    ),
    p95: percentile(
      phases.map((x) => x[k]),
      95,
    ),
  });
  // Every report was matched at creation (and again above): is the true record among its candidates?
  for (const report of reports) {
    const queue = (await client.get(`/api/missing/reports/${report.id}/candidates`)).json() as {
      items: { candidateId: string }[];
    };
    candidates += queue.items.length;
    const hit = queue.items.some((c) => c.candidateId === report.truth);
    if (args.includes('--debug') && !hit) console.error('missed', report.truth, report.fullBirthDate);
    if (hit) found++;
    if (hit && report.fullBirthDate) foundWithBirth++;
  }
  return {
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    createWithMatchP95Ms: percentile(createTimes, 95),
    recallAt20: Math.round((found / Math.max(1, reports.length)) * 1000) / 1000,
    // Reports giving the full birth date: among hundreds of synthetic namesakes (small name lists),
    // a name and a birth year alone cannot single out one person, and the engine rightly says so.
    recallAt20WithBirthDate:
      Math.round((foundWithBirth / Math.max(1, reports.filter((x) => x.fullBirthDate).length)) * 1000) / 1000,
    avgStoredCandidates: Math.round((candidates / Math.max(1, reports.length)) * 10) / 10,
    // Inside the match run: SQL retrieval, decryption of candidates, scoring, storing (+ audit);
    // the rest of a request is HTTP, session and policy.
    phasesMs: {
      retrieve: phase('retrieveMs'),
      decrypt: phase('decryptMs'),
      score: phase('scoreMs'),
      store: phase('storeMs'),
    },
    candidatesRetrieved: phase('candidates'),
    loadAvg: (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' '),
  };
}

/**
 * --hold: after loading the last size, print the database URL and the blind-index keys of a few
 * sample reports (for EXPLAIN in psql), and wait until the process is interrupted.
 */
async function hold(h: TestHarness, orgId: string, samples: Sample[]): Promise<void> {
  const keysOf = async (parts: { givenNames?: string; surnames?: string }) =>
    h.ctx.keyring.blindIndex(orgId, NAME_CONTEXT, recordNameKeys(parts).name);
  const rand = seededRandom(7);
  const out = [];
  for (const s of samples.slice(0, 20)) {
    const r = asReported(rand, s);
    out.push({
      truth: s.id,
      birthYear: r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
      sex: r.sex ?? null,
      given: await keysOf({ givenNames: r.givenNames }),
      surnames: await keysOf({ surnames: r.surnames }),
    });
  }
  console.error(JSON.stringify({ databaseUrl: h.databaseUrl, orgId, samples: out }));
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
}

/**
 * --keep-db NAME: the PostgreSQL database NAME (on ACOMPANA_TEST_PG_URL) is kept between runs with
 * its master key in the temp directory, so a million records are loaded once; a later run only
 * loads what is missing, removes the previous run's reports and samples people from the table.
 */
const keepDb = option('keep-db', '');
async function keptHarness(name: string): Promise<TestHarness> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('--keep-db: lower-case letters, digits and _ only');
  const admin = new pg.Client({
    connectionString: process.env.ACOMPANA_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.ACOMPANA_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  const keyFile = join(tmpdir(), `${name}.bench-master-key`);
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const dataDir = mkdtempSync(join(tmpdir(), 'acompana-bench-'));
  const config = loadConfig({
    ACOMPANA_DATA_DIR: dataDir,
    ACOMPANA_MASTER_KEY: readFileSync(keyFile, 'utf8'),
    ACOMPANA_DEMO: 'false',
    ACOMPANA_SESSION_CACHE_MS: '0',
    DATABASE_URL: url.toString(),
  });
  const runtime = await openRuntime(config, { database: await openPostgresDatabase(url.toString(), 4) });
  const app = await buildApp(runtime.ctx, { webDistDir: join(dataDir, 'no-web') });
  await app.ready();
  const clock = { now: new Date(), advanceMinutes: () => undefined };
  const h: TestHarness = {
    kind: 'postgres',
    ctx: runtime.ctx,
    app,
    config,
    databaseUrl: url.toString(),
    clock,
    createOrg: (slug) => runtime.ctx.accounts.ensureOrganisation({ slug, name: `Org ${slug}` }),
    sessionsChanged: () => runtime.ctx.sessionCache.clear(),
    async createAccount({ org, email, role }) {
      const known = await runtime.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email = $1', [
        email,
      ]);
      if (known.rows[0]) return { accountId: known.rows[0].id };
      return runtime.ctx.accounts.createAccount({
        orgId: await h.createOrg(org),
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
      });
    },
    async login(email) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      const cookie = r.cookies.find((c) => c.name === 'acompana_session');
      if (r.statusCode !== 200 || !cookie) throw new Error(`login failed: ${r.body}`);
      return clientFor(app, `acompana_session=${cookie.value}`, (r.json() as { csrfToken: string }).csrfToken);
    },
    async close() {
      await app.close();
      await runtime.close();
    },
  };
  return h;
}

/** A kept database: the previous run's reports go, and samples are drawn from the people table. */
async function reuse(h: TestHarness, orgId: string, count: number): Promise<Sample[]> {
  const db = h.ctx.db;
  const reports = 'SELECT id FROM missing_reports WHERE org_id = $1';
  await db.query(`DELETE FROM match_candidates WHERE report_id IN (${reports}) OR candidate_id IN (${reports})`, [
    orgId,
  ]);
  await db.query(`DELETE FROM tracing_requests WHERE report_id IN (${reports})`, [orgId]);
  await db.query(`DELETE FROM missing_reports WHERE org_id = $1`, [orgId]);
  const { rows } = await db.query<{
    id: string;
    sex: string | null;
    given_names: unknown;
    surnames: unknown;
    birth_date: unknown;
  }>(
    `SELECT id::text AS id, sex, given_names, surnames, birth_date FROM people WHERE org_id = $1 ORDER BY md5(id::text) LIMIT $2`,
    [orgId, count],
  );
  const text = async (column: string, blob: unknown) =>
    blob === null ? undefined : h.ctx.keyring.decrypt(orgId, `people.${column}`, blob);
  const out: Sample[] = [];
  for (const r of rows)
    out.push({
      id: r.id,
      givenNames: (await text('given_names', r.given_names)) ?? '',
      surnames: (await text('surnames', r.surnames)) ?? '',
      sex: r.sex ?? undefined,
      birthDate: await text('birth_date', r.birth_date),
    });
  return out;
}

const h = keepDb ? await keptHarness(keepDb) : await startHarness('postgres');
try {
  await h.createAccount({ org: 'bench', email: 'coord@bench.example', role: 'coordinator' });
  const client = await h.login('coord@bench.example');
  const orgId = (await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'bench'"))
    .rows[0]?.id as string;
  const account = (
    await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM accounts WHERE email = 'coord@bench.example'")
  ).rows[0]?.id as string;
  const rand = seededRandom(6);
  // --trace: time every SQL statement of the searches by its first words (where the time goes).
  const trace = new Map<string, number>();
  if (args.includes('--trace')) {
    const db = h.ctx.db as {
      query: (...a: unknown[]) => Promise<unknown>;
      transaction: (fn: (tx: unknown) => Promise<unknown>) => Promise<unknown>;
    };
    const wrap = (target: { query: (...a: unknown[]) => Promise<unknown> }) => {
      const original = target.query.bind(target);
      target.query = async (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return await original(...a);
        } finally {
          const key = String(a[0]).replace(/\s+/g, ' ').slice(0, 90);
          trace.set(key, (trace.get(key) ?? 0) + performance.now() - t0);
        }
      };
      return target;
    };
    wrap(db);
    const tx = db.transaction.bind(db);
    db.transaction = (fn) => tx((inner) => fn(wrap(inner as { query: (...a: unknown[]) => Promise<unknown> })));
  }
  const samples: Sample[] = [];
  const steps: Record<string, unknown>[] = [];
  let loaded = keepDb
    ? Number(
        (await h.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM people WHERE org_id = $1', [orgId])).rows[0]?.n,
      )
    : 0;
  for (const size of sizes) {
    const t0 = performance.now();
    if (size > loaded)
      await load(h, orgId, account, loaded, size, rand, samples, (reportsPerStep * 4) / Math.max(1, size - loaded));
    if (keepDb && size <= loaded) samples.splice(0, samples.length, ...(await reuse(h, orgId, reportsPerStep * 4)));
    const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
    loaded = Math.max(loaded, size);
    if (args.includes('--hold') && size === sizes[sizes.length - 1]) await hold(h, orgId, samples);
    steps.push({ records: loaded, loadSeconds, ...(await measure(client, rand, samples)) });
    console.error(JSON.stringify(steps[steps.length - 1]));
    for (const [sql, ms] of [...trace].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.error(`${Math.round(ms)} ms  ${sql}`);
    trace.clear();
  }
  const last = steps[steps.length - 1] as { p95Ms: number };
  console.log(
    JSON.stringify({
      benchmark: 'missing-interactive-search',
      database: 'postgres',
      searches,
      targetP95Ms: 100,
      maxRecords: loaded,
      p95MsAtMax: last.p95Ms,
      steps,
    }),
  );
} finally {
  await h.close();
}
