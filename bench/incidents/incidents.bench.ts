// Incidents benchmark (issue 7): listing and filtering N events with their acts through the API
// on PostgreSQL, p95 < 200 ms. Events are bulk-inserted in SQL (generate_series) with one to
// three victim groups, a perpetrator and an act each, spread over five years, the 32 states, the
// violation types and the institution hierarchy; the title is real ciphertext made with the
// organisation's keyring (the list decrypts every title it returns). Filters measured: none,
// violation type, institution rolled up (INM with its offices and detention centres), state with
// a date range, victims' sex and age group, attacks on defenders - plus the map/timeline summary.
// Prints one JSON line. Options: --events N (default 100000), --requests N per scenario (default 60),
// --explain (query plans of the list on stderr).
import { institutionAndDescendants, violationTypes, institutions } from '@acompana/core';
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { seal } from '../../apps/server/src/incidents/incident-crypto.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const eventCount = option('events', 100_000);
const requests = option('requests', 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 100) / 100;
}

const h = await startHarness('postgres');
try {
  await h.createAccount({ org: 'bench', email: 'doc@bench.example', role: 'documentation_officer' });
  const client = await h.login('doc@bench.example');
  const orgId = (await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'bench'"))
    .rows[0]?.id as string;
  const account = (
    await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM accounts WHERE email = 'doc@bench.example'")
  ).rows[0]?.id as string;
  const title = (await seal(
    h.ctx.keyring,
    orgId,
    'incident_events',
    'title',
    'Evento sintético de prueba de carga',
  )) as Buffer;
  const acts = violationTypes.map((t) => t.key);
  const insts = institutions.map((t) => t.key);
  const t0 = performance.now();
  const db = h.ctx.db;
  // Events: deterministic spread by id (i) over dates, states, confidentiality and defenders.
  await db.query(
    `INSERT INTO incident_events (id, org_id, owner_account_id, created_by, title, start_date, start_precision, state_code, municipality_code, route_segment, confidentiality, against_defenders)
     SELECT md5('e' || i)::uuid, $1, $2, $2, $3, date '2021-01-01' + (i * 7919 % 1826), 'day', lpad(((i % 32) + 1)::text, 2, '0'),
            lpad(((i % 32) + 1)::text, 2, '0') || lpad(((i * 13 % 120) + 1)::text, 3, '0'),
            (ARRAY['southern_border','isthmus','gulf_route','central_route','northern_border'])[(i % 5) + 1],
            (ARRAY['shareable','internal','internal','restricted'])[(i % 4) + 1], i % 97 = 0
     FROM generate_series(1, $4::int) AS i`,
    [orgId, account, title, eventCount],
  );
  await db.query(
    `INSERT INTO incident_victims (id, event_id, org_id, count, sex, age_group)
     SELECT md5('v' || i || '-' || g)::uuid, md5('e' || i)::uuid, $1, 1 + (i * g % 6), (ARRAY['F','M','M','U'])[((i + g) % 4) + 1],
            (ARRAY['0-11','12-17','18-29','30-59','60+','unknown'])[((i * 3 + g) % 6) + 1]
     FROM generate_series(1, $2::int) AS i, generate_series(1, 3) AS g WHERE g <= 1 + (i % 3)`,
    [orgId, eventCount],
  );
  await db.query(
    `INSERT INTO incident_perpetrators (id, event_id, org_id, institution, attribution, vocabulary_version)
     SELECT md5('p' || i)::uuid, md5('e' || i)::uuid, $1, ($2::text[])[(i * 31 % array_length($2::text[], 1)) + 1], 'confirmed', 2
     FROM generate_series(1, $3::int) AS i`,
    [orgId, insts, eventCount],
  );
  await db.query(
    `INSERT INTO incident_acts (id, event_id, org_id, act_type, vocabulary_version, act_date, date_precision)
     SELECT md5('a' || i)::uuid, md5('e' || i)::uuid, $1, ($2::text[])[(i * 17 % array_length($2::text[], 1)) + 1], 1, date '2021-01-01' + (i * 7919 % 1826), 'day'
     FROM generate_series(1, $3::int) AS i`,
    [orgId, acts, eventCount],
  );
  await db.query(
    `INSERT INTO incident_act_victims (act_id, victim_id) SELECT md5('a' || i)::uuid, md5('v' || i || '-1')::uuid FROM generate_series(1, $1::int) AS i`,
    [eventCount],
  );
  await db.query(
    `INSERT INTO incident_act_perpetrators (act_id, perpetrator_id) SELECT md5('a' || i)::uuid, md5('p' || i)::uuid FROM generate_series(1, $1::int) AS i`,
    [eventCount],
  );
  await db.query(
    'VACUUM ANALYZE incident_events, incident_victims, incident_perpetrators, incident_acts, incident_act_victims, incident_act_perpetrators',
  );
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;

  if (args.includes('--explain')) {
    // The plans of the list query for a few filters (stderr), to see where the time goes.
    const { listEvents } = await import('../../apps/server/src/incidents/incidents.queries.ts');
    const base = { scope: 'org' as const, orgId, accountId: account, teamIds: [], seesRestricted: false, limit: 50 };
    for (const f of [
      {},
      { actType: 'extortion' },
      { institutions: institutionAndDescendants('inm') },
      { sex: 'F', ageGroup: '12-17' },
      { actType: 'robbery', institutions: institutionAndDescendants('state_mx'), from: '2022-01-01', sex: 'F' },
    ]) {
      const original = db.query.bind(db);
      const spy = {
        ...db,
        query: async (sql: string, params?: unknown[]) => {
          const plan = await original<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          console.error(JSON.stringify(f), '\n', plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
          return original(sql, params);
        },
      };
      await listEvents(spy as typeof db, { ...base, ...f });
    }
  }

  const scenarios: Record<string, (i: number) => string> = {
    all: () => '/api/incidents',
    act: (i) => `/api/incidents?act=${acts[i % acts.length]}`,
    institutionRollUp: (i) => `/api/incidents?institution=${['inm', 'state_mx', 'police', 'cbp', 'non_state'][i % 5]}`,
    stateAndDates: (i) => `/api/incidents?state=${String((i % 32) + 1).padStart(2, '0')}&from=2023-01-01&to=2024-06-30`,
    victimProfile: (i) => `/api/incidents?sex=${['F', 'M'][i % 2]}&ageGroup=${['0-11', '12-17', '18-29'][i % 3]}`,
    defenders: () => '/api/incidents?defenders=true',
    combined: (i) => `/api/incidents?act=${acts[i % acts.length]}&institution=state_mx&from=2022-01-01&sex=F`,
    mapSummary: (i) => `/api/incidents/summary${i % 2 ? '?institution=inm' : ''}`,
  };
  const out: Record<string, { p50Ms: number; p95Ms: number; avgItems: number }> = {};
  const allListTimes: number[] = [];
  for (const [name, url] of Object.entries(scenarios)) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < requests + 5; i++) {
      let path = url(i);
      // Every third list request reads the second page (keyset cursor).
      if (name !== 'mapSummary' && i % 3 === 2) {
        const first = (await client.get(path)).json() as { nextCursor: string | null };
        if (first.nextCursor) path += `${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(first.nextCursor)}`;
      }
      const s0 = performance.now();
      const response = await client.get(path);
      const ms = performance.now() - s0;
      if (response.statusCode !== 200) throw new Error(`${name} failed: ${response.body}`);
      if (i < 5) continue; // warm-up
      times.push(ms);
      if (name !== 'mapSummary') {
        allListTimes.push(ms);
        items += (response.json() as { items: unknown[] }).items.length;
      }
    }
    out[name] = {
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      avgItems: Math.round((items / times.length) * 10) / 10,
    };
  }
  console.log(
    JSON.stringify({
      benchmark: 'incidents',
      database: 'postgres',
      events: eventCount,
      institutionsUnderStateMx: institutionAndDescendants('state_mx').length,
      loadSeconds,
      listP95Ms: percentile(allListTimes, 95),
      targetP95Ms: 200,
      scenarios: out,
    }),
  );
} finally {
  await h.close();
}
