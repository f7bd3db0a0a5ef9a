// Release benchmark (decision 0127): preparing a network release over N incidents (acts) and N
// people on PostgreSQL - the counting with every exclusion (restricted, organisation levels,
// withdrawn consent, organisations taking part), the protection, and for the revision the
// differencing attack against the earlier release - and serving a published release (stored).
// Rows are bulk-generated in SQL like dashboard.bench.ts, over two years in two organisations;
// 5 % of incidents restricted, 1 % of people with a withdrawn statistics consent.
// Prints one JSON line. Options: --acts N, --people N (default 1000000 each), --serve N (200),
// --types N (10), --institutions N (8).
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { createReleasesService } from '../../apps/server/src/stats/releases.service.ts';
import { institutions, violationTypes } from '@acompana/core';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const ACTS = option('acts', 1_000_000);
const PEOPLE = option('people', 1_000_000);
const SERVE = option('serve', 200);
// How many act types and institutions the synthetic acts use (default: all). With all of them
// uniform data fills ~7,000 cells and is refused; fewer gives a cube the engine protects
// (decision 0141 has the figures of both).
const TYPES = option('types', violationTypes.length);
const INSTITUTIONS = option('institutions', institutions.length);

const h = await startHarness('postgres');
try {
  h.clock.now = new Date('2026-02-20T12:00:00Z');
  await h.createAccount({ org: 'bench-a', email: 'coord@bench.example', role: 'coordinator' });
  await h.createAccount({ org: 'bench-b', email: 'other@bench.example', role: 'coordinator' });
  const db = h.ctx.db;
  const orgs = (
    await db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug LIKE 'bench-%'")
  ).rows.map((r) => r.id);
  const account = (
    await db.query<{ id: string }>("SELECT id::text AS id FROM accounts WHERE email = 'coord@bench.example'")
  ).rows[0]!.id;
  const states = Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0'));
  const pick = (param: string) => `(${param})[1 + floor(random() * array_length(${param}, 1))::int]`;
  const t0 = performance.now();
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO people (org_id, created_at, sex, nationality, birth_year)
     SELECT ${pick('$1::uuid[]')}, timestamptz '2024-01-01' + random() * interval '760 days', (ARRAY['F','M','X'])[1 + floor(random() * 2.05)::int],
       (ARRAY['HN','HN','HN','GT','GT','SV','VE','HT','CU','NI','MX'])[1 + floor(random() * 11)::int], 1950 + floor(random() * 70)::int
     FROM generate_series(1, $2)`,
    [orgs, PEOPLE],
  );
  await db.query(
    `INSERT INTO person_consents (person_id, org_id, purpose, method, withdrawn_at)
     SELECT id, org_id, 'statistics', 'signed', now() FROM people WHERE random() < 0.01`,
  );
  const events = Math.ceil(ACTS / 5);
  await db.query(
    `INSERT INTO incident_events (org_id, title, start_date, start_precision, country, state_code, confidentiality)
     SELECT ${pick('$1::uuid[]')}, '\\x00'::bytea, date '2024-01-01' + floor(random() * 760)::int, 'day', 'MX', ${pick('$2::text[]')},
       CASE WHEN random() < 0.05 THEN 'restricted' ELSE 'internal' END FROM generate_series(1, $3)`,
    [orgs, states, events],
  );
  await db.query(
    `INSERT INTO incident_perpetrators (event_id, org_id, institution, vocabulary_version)
     SELECT id, org_id, ${pick('$1::text[]')}, 1 FROM incident_events`,
    [institutions.slice(0, INSTITUTIONS).map((t) => t.key)],
  );
  await db.query(
    `INSERT INTO incident_acts (event_id, org_id, act_type, vocabulary_version, act_date)
     SELECT e.id, e.org_id, ${pick('$1::text[]')}, 1, e.start_date FROM incident_events e CROSS JOIN generate_series(1, 5)`,
    [violationTypes.slice(0, TYPES).map((t) => t.key)],
  );
  await db.query(
    `INSERT INTO incident_act_perpetrators (act_id, perpetrator_id)
     SELECT a.id, p.id FROM incident_acts a JOIN incident_perpetrators p ON p.event_id = a.event_id`,
  );
  await db.query('ANALYZE');
  const loadSeconds = (performance.now() - t0) / 1000;

  const releases = createReleasesService({ db, audit: h.ctx.audit, clock: () => h.clock.now, minCell: 5 });
  const actor = { accountId: account, orgId: orgs[0]!, role: 'coordinator', teamIds: [], sharing: [] };
  const request: { title: string; periodFrom: string; periodTo: string; tables: string[]; orgIds: string[] } = {
    title: 'Bench',
    periodFrom: '2026-01',
    periodTo: '2026-01',
    tables: ['incidents.acts', 'people.registered'],
    orgIds: orgs,
  };
  const time = async (run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    return Math.round(performance.now() - t);
  };
  // The counting alone (SQL with every exclusion), per table.
  const { countBy } = await import('../../apps/server/src/stats/stats.queries.ts');
  const countMs: Record<string, number> = {};
  for (const [indicator, by] of [
    ['incidents.acts', ['type', 'institution', 'state']],
    ['people.registered', ['nationality', 'sex', 'age']],
  ] as const)
    countMs[indicator] = await time(() =>
      countBy(db, {
        indicator,
        by,
        orgId: null,
        from: '2026-01',
        to: '2026-01',
        institutionLevel: 'institution',
        today: '2026-02-20',
        release: { orgIds: orgs },
      }),
    );
  // The whole path, both tables: counting with every exclusion, protection, the document.
  const actsRefused = await releases.preview(actor, request).then(
    () => false,
    (e: { code?: string }) => e.code === 'stats.release_too_large',
  );
  if (actsRefused) request.tables = ['people.registered'];
  const previewMs = await time(() => releases.preview(actor, request));
  let firstId = '';
  const publishMs = await time(async () => {
    firstId = (await releases.publish(actor, request)).id!;
  });
  // Late records inside the period, then the revision against the first release.
  await db.query(
    `INSERT INTO incident_acts (event_id, org_id, act_type, vocabulary_version, act_date)
     SELECT e.id, e.org_id, 'extortion', 1, e.start_date FROM incident_events e
     WHERE e.start_date >= '2026-01-01' AND e.start_date < '2026-02-01' AND random() < 0.02`,
  );
  h.clock.now = new Date('2026-02-21T12:00:00Z');
  const revisionMs = await time(() => releases.publish(actor, { ...request, title: 'Bench (revision)' }));
  const serve: number[] = [];
  for (let i = 0; i < SERVE; i++) {
    const t = performance.now();
    const r = await h.app.inject({ method: 'GET', url: `/api/public/releases/${firstId}` });
    if (r.statusCode !== 200) throw new Error(r.body);
    serve.push(performance.now() - t);
  }
  serve.sort((a, b) => a - b);
  const q = (p: number) => Math.round(serve[Math.floor(p * (serve.length - 1))]! * 100) / 100;
  console.log(
    JSON.stringify({
      acts: ACTS,
      people: PEOPLE,
      types: TYPES,
      institutions: INSTITUTIONS,
      tables: request.tables,
      loadSeconds: Math.round(loadSeconds),
      countMs,
      actsRefused,
      previewMs,
      publishMs,
      revisionMs,
      serveMs: { p50: q(0.5), p95: q(0.95), max: q(1) },
    }),
  );
} finally {
  await h.close();
}
