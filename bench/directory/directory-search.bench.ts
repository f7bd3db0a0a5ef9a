// Directory search benchmark (issue 8): the public HSDS search by need, place and language over
// 20 000 services must answer in under 100 ms at the 95th percentile. The services are the
// route's kinds in the route's cities (every name says "Ejemplo"), bulk-inserted with SQL so the
// set-up takes seconds; each request goes through the HTTP API (app.inject) like the portal's.
// Prints one JSON line. Options: --services N (default 20000), --searches N (default 300),
// --db pglite|postgres (default pglite; postgres needs ACOMPANA_TEST_PG_URL).
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { routePlaces } from '../../apps/server/src/reintegration/demo-directory.ts';
import { seededRandom } from '../../apps/server/src/people/demo-names.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const serviceCount = Number(option('services', '20000'));
const searches = Number(option('searches', '300'));
const db = option('db', 'pglite') as 'pglite' | 'postgres';
const TARGET_MS = 100;
/** A deterministic RFC 4122 version-4 UUID from a key (the API validates ids as UUIDs). */
const u = (key: string) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;

const needs = [
  'shelter',
  'housing',
  'food',
  'health',
  'psychosocial',
  'gbv',
  'legal',
  'asylum',
  'migration',
  'legal_identity',
  'consulate',
  'education',
  'validation_of_studies',
  'employment',
  'financial_inclusion',
  'family_reunification',
  'child_protection',
  'returnee_reception',
];
const languages = ['es', 'en', 'ht', 'fr'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 100) / 100;
}

const h = await startHarness(db);
try {
  const orgId = await h.createOrg('bench-directory');
  const q = (sql: string, params: unknown[] = []) => h.ctx.db.query(sql, params);
  const t0 = performance.now();
  const cities = routePlaces.map((p) => p.city);
  const states = routePlaces.map((p) => p.state);
  const countries = routePlaces.map((p) => p.country);
  const orgs = Math.max(1, Math.round(serviceCount / 10));
  await q(
    `INSERT INTO hsds_organizations (id, owner_org_id, name, description) SELECT ${u("'o' || g")}, $1, 'Organización Ejemplo ' || g, 'Sintética' FROM generate_series(1, $2::int) g`,
    [orgId, orgs],
  );
  await q(
    `INSERT INTO hsds_locations (id, owner_org_id, name) SELECT ${u("'l' || g")}, $1, 'Oficina Ejemplo ' || g FROM generate_series(1, $2::int) g`,
    [orgId, serviceCount],
  );
  await q(
    `INSERT INTO hsds_addresses (id, location_id, address_1, city, state_province, postal_code, country)
     SELECT ${u("'a' || g")}, ${u("'l' || g")}, 'Calle Ejemplo ' || g, ($2::text[])[1 + g % $5::int], ($3::text[])[1 + g % $5::int], '00000', ($4::text[])[1 + g % $5::int]
       FROM generate_series(1, $1::int) g`,
    [serviceCount, cities, states, countries, cities.length],
  );
  await q(
    `INSERT INTO hsds_services (id, owner_org_id, organization_id, name, description, status)
     SELECT ${u("'s' || g")}, $1, ${u("'o' || (1 + g % $3::int)")}, 'Servicio Ejemplo ' || g, 'Servicio sintético de ejemplo.',
            CASE WHEN g % 50 = 0 THEN 'inactive' ELSE 'active' END
       FROM generate_series(1, $2::int) g`,
    [orgId, serviceCount, orgs],
  );
  await q(
    `INSERT INTO hsds_service_at_locations (service_id, location_id) SELECT ${u("'s' || g")}, ${u("'l' || g")} FROM generate_series(1, $1::int) g`,
    [serviceCount],
  );
  await q(
    `INSERT INTO hsds_languages (service_id, name, code)
     SELECT ${u("'s' || g")}, l.code, l.code FROM generate_series(1, $1::int) g
       JOIN (VALUES ('es', 1), ('en', 3), ('ht', 7), ('fr', 11)) AS l(code, every) ON g % l.every = 0`,
    [serviceCount],
  );
  await q(
    `INSERT INTO hsds_attributes (service_id, taxonomy_term_id)
     SELECT DISTINCT ${u("'s' || g")}, t.id FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL (VALUES (($2::text[])[1 + g % $3::int]), (($2::text[])[1 + (g * 7) % $3::int])) AS n(code)
       JOIN hsds_taxonomy_terms t ON t.code = n.code AND t.taxonomy = 'acompana-needs'`,
    [serviceCount, needs, needs.length],
  );
  await q('ANALYZE');
  // What the directory's writes do in their transaction (directory-write.ts): the search rows.
  // After ANALYZE: without statistics the planner reads the child tables whole for every service.
  await q('SELECT hsds_service_search_refresh(ARRAY(SELECT id FROM hsds_services))');
  await q('ANALYZE hsds_service_search');
  const setupSeconds = Math.round((performance.now() - t0) / 100) / 10;

  const rand = seededRandom(20);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const times: number[] = [];
  let results = 0;
  for (let i = 0; i < searches + 20; i++) {
    const place = pick(routePlaces);
    // Need, place and language, as the portal and the referral form ask; sometimes a city, sometimes a state.
    const params = new URLSearchParams({
      need: pick(needs),
      language: pick(languages),
      ...(rand() < 0.5 ? { city: place.city } : { state: place.state }),
    });
    const started = performance.now();
    const response = await h.app.inject({ method: 'GET', url: `/api/public/hsds/services?${params}` });
    const ms = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`search failed: ${response.statusCode} ${response.body}`);
    if (i >= 20) {
      times.push(ms);
      results += (response.json() as { contents: unknown[] }).contents.length;
    }
  }
  const p95 = percentile(times, 95);
  console.log(
    JSON.stringify({
      bench: 'directory-search',
      db,
      services: serviceCount,
      searches,
      setupSeconds,
      meanResults: Math.round((results / searches) * 10) / 10,
      p50Ms: percentile(times, 50),
      p95Ms: p95,
      maxMs: percentile(times, 100),
      targetP95Ms: TARGET_MS,
      ok: p95 < TARGET_MS,
    }),
  );
  if (p95 >= TARGET_MS) process.exitCode = 1;
} finally {
  await h.close();
}
