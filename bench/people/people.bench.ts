// People benchmarks (issue 4): create-person-with-screening p95 through the API on PGlite, and tolerant name
// search p95 through the API over N synthetic people on PostgreSQL (bulk-inserted as encrypted
// rows with blind indexes, made with the organisation's keyring exactly as the service does).
// Prints one JSON line. Options: --people N (default 100000), --creates N (default 300),
// --searches N (default 300).
import { randomUUID } from 'node:crypto';
import { startHarness, type TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import { encryptPersonFields, type PersonData } from '../../apps/server/src/people/person-crypto.ts';
import { recordBlindIndexes } from '../../apps/server/src/people/person-search.ts';
import { seededRandom, syntheticPerson } from '../../apps/server/src/people/demo-names.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const peopleCount = option('people', 100_000);
const creates = option('creates', 300);
const searches = option('searches', 300);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 100) / 100;
}

async function caseworker(h: TestHarness) {
  await h.createAccount({ org: 'bench', email: 'cw@bench.example', role: 'caseworker' });
  return h.login('cw@bench.example');
}

async function benchCreate(): Promise<{ p50: number; p95: number }> {
  const h = await startHarness('pglite');
  try {
    const client = await caseworker(h);
    const rand = seededRandom(1);
    const times: number[] = [];
    for (let i = 0; i < creates + 20; i++) {
      const body = syntheticPerson(rand);
      const t0 = performance.now();
      // The intake the issue measures: the person, then their protection-needs screening.
      const response = await client.post('/api/people', body);
      if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
      const personId = (response.json() as { id: string }).id;
      const screening = await client.post(`/api/people/${personId}/screenings`, {
        questionnaireId: 'international_protection',
        answers: { fear_of_return: rand() < 0.5, days_in_mexico: Math.floor(rand() * 40) },
      });
      if (screening.statusCode !== 201) throw new Error(`screening failed: ${screening.body}`);
      const ms = performance.now() - t0;
      if (i >= 20) times.push(ms); // the first requests warm up JIT and caches
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await h.close();
  }
}

/** A misspelling as intake staff make them: b/v, s/z, y/ll, dropped accents, a dropped second surname. */
function misspell(rand: () => number, given: string, surnames: string): string {
  const swaps: [RegExp, string][] = [
    [/v/g, 'b'],
    [/b/g, 'v'],
    [/z/g, 's'],
    [/s/g, 'z'],
    [/y/g, 'll'],
    [/j/g, 'g'],
    [/ñ/g, 'n'],
  ];
  let q = `${given.split(' ')[0]} ${rand() < 0.4 ? (surnames.split(' ')[0] ?? '') : surnames}`;
  const swap = swaps[Math.floor(rand() * swaps.length)];
  if (swap) q = q.replace(swap[0], swap[1]);
  if (rand() < 0.3) q = q.split(' ').reverse().join(' ');
  return q
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

async function benchSearch(): Promise<{ p50: number; p95: number; loadSeconds: number; avgResults: number }> {
  const h = await startHarness('postgres');
  try {
    const client = await caseworker(h);
    const orgId = (
      await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'bench'")
    ).rows[0]?.id as string;
    const account = (
      await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM accounts WHERE email = 'cw@bench.example'")
    ).rows[0]?.id as string;
    const rand = seededRandom(2);
    const samples: string[] = [];
    const t0 = performance.now();
    const BATCH = 1000;
    for (let done = 0; done < peopleCount; done += BATCH) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = 0; i < Math.min(BATCH, peopleCount - done); i++) {
        const p = syntheticPerson(rand);
        if (samples.length < searches && rand() < (searches * 2) / peopleCount)
          samples.push(misspell(rand, p.givenNames ?? '', p.surnames ?? ''));
        const data: Partial<PersonData> = {
          givenNames: p.givenNames ?? '',
          surnames: p.surnames ?? '',
          aliases: p.aliases ?? [],
          birthDate: p.birthDate,
          documents: p.documents ?? [],
        };
        const enc = await encryptPersonFields(h.ctx.keyring, orgId, data);
        const bi = await recordBlindIndexes(
          h.ctx.keyring,
          orgId,
          data,
          (p.documents ?? []).map((d) => d.number),
        );
        const row = [
          randomUUID(),
          orgId,
          account,
          p.sex ?? null,
          p.nationality ?? null,
          p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
          enc.given_names,
          enc.surnames,
          enc.aliases ?? null,
          enc.birth_date ?? null,
          enc.documents ?? null,
          bi.name_bi,
          bi.name_trigram_bi,
          bi.document_bi,
        ];
        const base = params.length;
        params.push(...row);
        values.push(`(${row.map((_, j) => `$${base + j + 1}${j >= 11 ? '::text[]' : ''}`).join(', ')})`);
      }
      await h.ctx.db.query(
        `INSERT INTO people (id, org_id, owner_account_id, sex, nationality, birth_year, given_names, surnames, aliases, birth_date, documents, name_bi, name_trigram_bi, document_bi) VALUES ${values.join(', ')}`,
        params,
      );
    }
    // A steady state: autovacuum would have merged the GIN pending lists and gathered statistics.
    await h.ctx.db.query('VACUUM ANALYZE people');
    const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const times: number[] = [];
    let results = 0;
    const queries = samples.length ? samples : ['kevin albarenga'];
    for (let i = 0; i < searches + 20; i++) {
      const q = queries[i % queries.length] as string;
      const s0 = performance.now();
      const response = await client.get(`/api/people?q=${encodeURIComponent(q)}`);
      const ms = performance.now() - s0;
      if (response.statusCode !== 200) throw new Error(`search failed: ${response.body}`);
      if (i >= 20) {
        times.push(ms);
        results += (response.json() as { items: unknown[] }).items.length;
      }
    }
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      loadSeconds,
      avgResults: Math.round((results / times.length) * 10) / 10,
    };
  } finally {
    await h.close();
  }
}

const create = await benchCreate();
const search = await benchSearch();
console.log(
  JSON.stringify({
    benchmark: 'people',
    createWithScreeningPglite: { requests: creates, p50Ms: create.p50, p95Ms: create.p95, targetP95Ms: 50 },
    searchPostgres: {
      people: peopleCount,
      queries: searches,
      p50Ms: search.p50,
      p95Ms: search.p95,
      targetP95Ms: 100,
      avgResults: search.avgResults,
      loadSeconds: search.loadSeconds,
    },
  }),
);
