// The side-by-side review of one report with many candidates: GET /api/missing/reports/:id/candidates
// with 200 stored candidates (people of the organisation, found records and a partner's people
// shared under a search agreement) on PostgreSQL (--db pglite for the embedded database). Goal:
// < 150 ms p50 on PostgreSQL. Prints one JSON line: p50/p95 in ms and the SQL statements per request.
import { randomUUID } from 'node:crypto';
import { startHarness, type ApiClient } from '../../apps/server/src/testing/test-harness.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? String(args[i + 1]) : fallback;
};
const kind = option('db', 'postgres') as 'postgres' | 'pglite';
const candidates = Number(option('candidates', '200'));
const runs = Number(option('runs', '30'));

const h = await startHarness(kind);
try {
  const [own, partner] = [await h.createOrg('comite'), await h.createOrg('albergue')];
  await h.ctx.db.query(
    "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
    [partner, own],
  );
  await h.createAccount({ org: 'comite', email: 'coord@comite.example', role: 'coordinator' });
  await h.createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
  const coord = await h.login('coord@comite.example');
  const shelter = await h.login('coord@albergue.example');
  const report = await coord.post('/api/missing/reports', {
    givenNames: 'Kevin',
    surnames: 'Alvarenga Fuentes',
    sex: 'M',
    birthDate: '2001-03-14',
  });
  const reportId = (report.json() as { id: string }).id;

  const create = async (client: ApiClient, url: string, body: object) => {
    const r = await client.post(url, body);
    if (r.statusCode !== 201) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return (r.json() as { id: string }).id;
  };
  const rows: [string, string, string][] = [];
  for (let i = 0; i < candidates; i++) {
    const person = { givenNames: `Kebin${i}`, surnames: 'Alvarenga Fuentes', sex: 'M', birthDate: '2001-03-14' };
    if (i % 4 === 0) {
      const id = await create(shelter, '/api/people', person);
      await shelter.post(`/api/people/${id}/consents`, { purpose: 'sharing', givenBy: 'self', method: 'verbal' });
      rows.push(['person', id, partner]);
    } else if (i % 4 === 1) {
      const found = {
        kind: 'found_alive',
        givenNames: person.givenNames,
        surnames: person.surnames,
        sex: 'M',
        ageMin: 23,
        ageMax: 27,
      };
      rows.push(['found_record', await create(coord, '/api/missing/found', found), own]);
    } else rows.push(['person', await create(coord, '/api/people', person), own]);
  }
  await h.ctx.db.query('DELETE FROM match_candidates WHERE report_id = $1', [reportId]);
  const explanation = JSON.stringify({
    score: 0.5,
    decision: 'possible',
    totalWeight: 4,
    namesRearranged: false,
    fields: [],
  });
  for (const [i, [candidateKind, id, org]] of rows.entries()) {
    await h.ctx.db.query(
      `INSERT INTO match_candidates (id, report_id, org_id, candidate_kind, candidate_id, candidate_org_id, score, engine_decision, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'possible', $8::jsonb)`,
      [randomUUID(), reportId, own, candidateKind, id, org, 0.5 + (i % 100) / 1000, explanation],
    );
  }

  let statements = 0;
  const query = h.ctx.db.query.bind(h.ctx.db);
  h.ctx.db.query = ((sql: string, params?: readonly unknown[]) => {
    statements++;
    return query(sql, params);
  }) as typeof h.ctx.db.query;
  const times: number[] = [];
  let returned = 0;
  for (let i = 0; i < runs + 3; i++) {
    statements = 0;
    const started = performance.now();
    const r = await coord.get(`/api/missing/reports/${reportId}/candidates`);
    const ms = performance.now() - started;
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    returned = (r.json() as { items: unknown[] }).items.length;
    if (i >= 3) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN) * 10) / 10;
  console.log(
    JSON.stringify({
      benchmark: 'review-candidates',
      database: kind,
      candidates: returned,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      statementsPerRequest: statements,
      goalP50Ms: 150,
    }),
  );
} finally {
  await h.close();
}
