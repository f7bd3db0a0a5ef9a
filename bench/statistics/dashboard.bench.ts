// Dashboard benchmark (issue 10, speed): every dashboard indicator, as the statistics page asks
// for it (its main breakdown, by month, by state where it has one), over N synthetic incidents
// (acts) and N people on PostgreSQL, one organisation holding everything (the worst case for an
// organisation's dashboard). Rows are bulk-generated in SQL (generate_series) with clear coarse
// columns and blind indexes made with the organisation's keyring, as the services write them.
// Dashboards of an organisation this size read the pre-aggregated rollup (decision 0122): the bench
// times the refresh job (per indicator) and then every dashboard request, which is what must stay
// under 500 ms; --live also times the same requests counted live, without a rollup.
// Prints one JSON line: load time, and per indicator/breakdown the median of 3 runs (ms).
// Options: --acts N (default 1000000), --people N (default 1000000), --others N (default 200000:
// screenings, procedures, cases, missing reports, referrals each).
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { createStatsService } from '../../apps/server/src/stats/stats.service.ts';
import { refreshRollup } from '../../apps/server/src/stats/stats-rollup.ts';
import { indicators, institutions, profileIndicators, protectionFlagKeys, violationTypes } from '@acompana/core';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const ACTS = option('acts', 1_000_000);
const PEOPLE = option('people', 1_000_000);
const OTHERS = option('others', 200_000);
const LIMIT_MS = 500;

const h = await startHarness('postgres');
try {
  await h.createAccount({ org: 'bench', email: 'an@bench.example', role: 'analyst' });
  const db = h.ctx.db;
  const orgId = (await db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'bench'"))
    .rows[0]!.id;
  const recorded = profileIndicators.filter((i) => i.source !== 'derived').map((i) => i.key);
  const profileBis = await h.ctx.keyring.blindIndex(orgId, 'people.profile_indicator', recorded);
  const flagBis = await h.ctx.keyring.blindIndex(orgId, 'screening.flag', [...protectionFlagKeys]);
  const actTypes = violationTypes.map((t) => t.key);
  const institutionKeys = institutions.map((t) => t.key);
  const states = Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0'));
  const pick = (param: string, n: string) => `(${param})[1 + floor(random() * ${n})::int]`;

  const t0 = performance.now();
  await db.query('SELECT setseed(0.42)');
  // People: two years of registrations, skewed nationalities, 0-3 recorded profile indicators.
  await db.query(
    `INSERT INTO people (org_id, created_at, sex, nationality, birth_year, profile_bi)
     SELECT $1, timestamptz '2024-01-01' + random() * interval '730 days', (ARRAY['F','M','X'])[1 + floor(random() * 2.05)::int],
       (ARRAY['HN','HN','HN','GT','GT','SV','VE','HT','CU','NI','MX'])[1 + floor(random() * 11)::int], 1950 + floor(random() * 70)::int,
       CASE WHEN random() < 0.5 THEN '{}'::text[] ELSE ARRAY[${pick('$2::text[]', 'array_length($2::text[], 1)')}, ${pick('$2::text[]', 'array_length($2::text[], 1)')}] END
     FROM generate_series(1, $3)`,
    [orgId, profileBis, PEOPLE],
  );
  // Incidents: one event per 5 acts, one perpetrator per event, every act attributed to it.
  const events = Math.ceil(ACTS / 5);
  await db.query(
    `INSERT INTO incident_events (org_id, title, start_date, start_precision, country, state_code)
     SELECT $1, '\\x00'::bytea, date '2024-01-01' + floor(random() * 730)::int, 'day', 'MX', ${pick('$2::text[]', '32')} FROM generate_series(1, $3)`,
    [orgId, states, events],
  );
  await db.query(
    `INSERT INTO incident_perpetrators (event_id, org_id, institution, vocabulary_version)
     SELECT id, org_id, ${pick('$2::text[]', 'array_length($2::text[], 1)')}, 1 FROM incident_events WHERE org_id = $1`,
    [orgId, institutionKeys],
  );
  await db.query(
    `INSERT INTO incident_acts (event_id, org_id, act_type, vocabulary_version, act_date)
     SELECT e.id, e.org_id, ${pick('$2::text[]', 'array_length($2::text[], 1)')}, 1, e.start_date FROM incident_events e CROSS JOIN generate_series(1, 5) WHERE e.org_id = $1`,
    [orgId, actTypes],
  );
  await db.query(
    `INSERT INTO incident_act_perpetrators (act_id, perpetrator_id)
     SELECT a.id, p.id FROM incident_acts a JOIN incident_perpetrators p ON p.event_id = a.event_id WHERE a.org_id = $1`,
    [orgId],
  );
  // The other modules, OTHERS rows each, over people picked at random.
  await db.query(
    `CREATE TEMP TABLE bench_people AS SELECT row_number() OVER () AS n, id FROM people WHERE org_id = $1 LIMIT $2`,
    [orgId, OTHERS],
  );
  await db.query(
    `INSERT INTO screenings (org_id, person_id, questionnaire_id, questionnaire_version, answers, flags, flag_bi, max_severity, recorded_at)
     SELECT $1, id, 'international_protection', 1, '\\x00'::bytea, '\\x00'::bytea, ARRAY[${pick('$2::text[]', 'array_length($2::text[], 1)')}], 'attention',
       timestamptz '2024-01-01' + random() * interval '730 days' FROM bench_people`,
    [orgId, flagBis],
  );
  await db.query(
    `INSERT INTO procedures (org_id, person_id, type, type_version, stage, created_at)
     SELECT $1, id, (ARRAY['mx.comar.refugee_status','mx.amparo','mx.inm.tvrh'])[1 + floor(random() * 3)::int], 1,
       (ARRAY['preparing','filed','resolved','closed'])[1 + floor(random() * 4)::int], timestamptz '2024-01-01' + random() * interval '730 days' FROM bench_people`,
    [orgId],
  );
  await db.query(
    `INSERT INTO cases (org_id, person_id, status, opened_at)
     SELECT $1, id, (ARRAY['open','active','on_hold'])[1 + floor(random() * 3)::int], timestamptz '2024-01-01' + random() * interval '730 days' FROM bench_people`,
    [orgId],
  );
  await db.query(
    `INSERT INTO missing_reports (org_id, status, nationality, sex, created_at)
     SELECT $1, (ARRAY['open','located_alive','located_deceased','closed'])[1 + floor(random() * 4)::int], 'HN', 'M', timestamptz '2024-01-01' + random() * interval '730 days' FROM bench_people`,
    [orgId],
  );
  const partner = await h.createOrg('bench-partner');
  const consent = (
    await db.query<{ id: string }>(
      `INSERT INTO person_consents (person_id, org_id, purpose, method) SELECT id, $1, 'referral', 'signed' FROM bench_people WHERE n = 1 RETURNING id::text AS id`,
      [orgId],
    )
  ).rows[0]!.id;
  await db.query(
    `INSERT INTO referrals (from_org_id, to_org_id, person_id, consent_id, urgency, shared_fields, reason, status, due_at, created_at)
     SELECT $1, $2, id, $3, (ARRAY['routine','urgent'])[1 + floor(random() * 2)::int], '{}', '\\x00'::bytea, (ARRAY['sent','accepted','completed','declined'])[1 + floor(random() * 4)::int],
       now(), timestamptz '2024-01-01' + random() * interval '730 days' FROM bench_people`,
    [orgId, partner, consent],
  );
  await db.query('ANALYZE');
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;

  const live = args.includes('--live');
  const liveMs: Record<string, number> = {};
  const rollupSeconds: Record<string, number> = {};
  const stats = createStatsService({
    db,
    keyring: h.ctx.keyring,
    audit: h.ctx.audit,
    clock: () => new Date('2025-12-31T12:00:00Z'),
    minCell: 5,
  });
  const time = async (indicatorId: string, by: string): Promise<number> => {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      await stats.tableOf(orgId, indicatorId, { by, from: '2024-01', to: '2025-12' }, 'es');
      times.push(performance.now() - start);
    }
    return Math.round(times.sort((a, b) => a - b)[1]!);
  };
  const requests = indicators.flatMap((indicator) => {
    const dims = indicator.dimensions.map((d) => d.id);
    const main = dims.find((d) => d !== 'month' && d !== 'state') ?? dims[0]!;
    return [main, ...(dims.includes('month') ? ['month'] : []), ...(dims.includes('state') ? ['state'] : [])].map(
      (by) => [indicator.id, by] as const,
    );
  });
  if (live) for (const [id, by] of requests) liveMs[`${id}:${by}`] = await time(id, by);
  for (const indicator of indicators) {
    const start = performance.now();
    await refreshRollup(db, h.ctx.keyring, orgId, indicator, { today: '2025-12-31', minUnits: 0 });
    rollupSeconds[indicator.id] = Math.round((performance.now() - start) / 100) / 10;
  }
  const results: Record<string, number> = {};
  for (const [id, by] of requests) results[`${id}:${by}`] = await time(id, by);

  const worst = Math.max(...Object.values(results));
  console.log(
    JSON.stringify({
      bench: 'statistics.dashboard',
      database: 'postgres',
      acts: ACTS,
      people: PEOPLE,
      others: OTHERS,
      loadSeconds,
      limitMs: LIMIT_MS,
      worstMs: worst,
      pass: worst < LIMIT_MS,
      medianMs: results,
      rollupSeconds,
      ...(live ? { liveMedianMs: liveMs } : {}),
    }),
  );
  process.exitCode = worst < LIMIT_MS ? 0 : 1;
} finally {
  await h.close();
}
