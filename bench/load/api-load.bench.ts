// Load on the real server process (apps/server/src/main.ts, a child process, loopback only):
// autocannon with a realistic mix for a caseworker session — 70% reads of a person's record,
// 20% tolerant name searches (GET /api/people?q=…), 10% registrations (POST /api/people) — every
// request authenticated, every read audited. Prints ONE JSON line: requests/s, latency p50/p99,
// errors, non-2xx, and the server's memory before and after.
// Options: --seconds N (default 10), --connections N (default 50), --db pglite|postgres, --seed N
// people registered before the run (default 300), --only read|search|write (one kind, to see
// which one is slow), --samples N (a soak: the run in N slices, the server's memory after each;
// e.g. --seconds 600 --samples 10 for the 10-minute soak of issue 11).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createPostgresTestDatabaseUrl } from '../../apps/server/src/testing/test-database.ts';
import { acompana, httpLogin, startServer } from '../../tests/reliability/real-server.ts';

// autocannon ships no type declarations: the part used here, typed locally.
interface AutocannonRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface Histogram {
  average: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: AutocannonRequest[];
  timeout: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const seconds = Math.min(Number(option('seconds', '10')), 600);
const connections = Math.min(Number(option('connections', '50')), 200);
const seedCount = Number(option('seed', '300'));
const kind = option('db', 'pglite') === 'postgres' ? 'postgres' : 'pglite';
const only = option('only', '');
/** Soak: the run is cut in this many equal slices and the server's memory is sampled after each. */
const samples = Math.max(1, Math.min(Number(option('samples', '1')), 60));

const GIVEN = [
  'María',
  'José',
  'Ana',
  'Luis',
  'Rosa',
  'Juan',
  'Carmen',
  'Pedro',
  'Dania',
  'Wilmer',
  'Yesenia',
  'Kevin',
];
const SURNAMES = [
  'García López',
  'Hernández Cruz',
  'Martínez',
  'Pérez Ramos',
  'Rodríguez',
  'Gómez Díaz',
  'Castillo',
  'Mejía Orellana',
];
const MISSPELT = [
  'maria garsia',
  'jose ernandez',
  'ana martinez',
  'luiz peres',
  'rosa rodrigues',
  'dania mejia',
  'wilmer castiyo',
  'carmen gomes',
];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const personBody = () =>
  JSON.stringify({
    givenNames: pick(GIVEN),
    surnames: pick(SURNAMES),
    nationality: pick(['HN', 'GT', 'SV', 'VE', 'HT']),
    notes: 'Registro de carga sintético.',
  });

/** One result for several slices: sums of counts, request-weighted mean rate, worst percentiles. */
function combine(parts: AutocannonResult[]): AutocannonResult {
  if (parts.length === 1) return parts[0] as AutocannonResult;
  const total = parts.reduce((n, p) => n + p.requests.total, 0);
  const worst = (k: keyof Histogram) => Math.max(...parts.map((p) => p.latency[k]));
  const weighted = (k: keyof Histogram) =>
    parts.reduce((n, p) => n + p.latency[k] * p.requests.total, 0) / Math.max(1, total);
  return {
    requests: {
      ...(parts[0] as AutocannonResult).requests,
      total,
      average: parts.reduce((n, p) => n + p.requests.average, 0) / parts.length,
    },
    latency: {
      average: weighted('average'),
      total,
      p50: weighted('p50'),
      p90: worst('p90'),
      p99: worst('p99'),
      max: worst('max'),
    },
    errors: parts.reduce((n, p) => n + p.errors, 0),
    timeouts: parts.reduce((n, p) => n + p.timeouts, 0),
    non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
  };
}

function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

const dataDir = mkdtempSync(join(tmpdir(), 'acompana-load-'));
const env: Record<string, string> = {
  ACOMPANA_DATA_DIR: dataDir,
  ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
  ACOMPANA_DEMO: 'false',
};
let database: { url: string; drop: () => Promise<void> } | undefined;
if (kind === 'postgres') {
  database = await createPostgresTestDatabaseUrl();
  env.DATABASE_URL = database.url;
}
const EMAIL = 'carga@bench.example';
const PASSWORD = 'una clave larga para la carga';
try {
  const created = await acompana(
    env,
    'user',
    'create',
    '--org',
    'casa-carga',
    '--email',
    EMAIL,
    '--password',
    PASSWORD,
    '--role',
    'caseworker',
    '--no-2fa',
  );
  if (created.code !== 0) throw new Error(`user create failed: ${created.stderr}`);
  const server = await startServer(env);
  try {
    const session = await httpLogin(server.baseUrl, EMAIL, PASSWORD);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
    // Seed people to read and search (8 at a time).
    const ids: string[] = [];
    const seedStart = Date.now();
    for (let i = 0; i < seedCount; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(8, seedCount - i) }, async () => {
          const response = await fetch(`${server.baseUrl}/api/people`, { method: 'POST', headers, body: personBody() });
          if (response.status !== 201) throw new Error(`seeding: ${response.status} ${await response.text()}`);
          return (JSON.parse(await response.text()) as { id: string }).id;
        }),
      );
      ids.push(...batch);
    }
    const seededAt = Date.now();
    const read = {
      method: 'GET' as const,
      path: '/api/people',
      setupRequest: (req: AutocannonRequest) => ({ ...req, path: `/api/people/${pick(ids)}` }),
    };
    const search = {
      method: 'GET' as const,
      path: '/api/people',
      setupRequest: (req: AutocannonRequest) => ({
        ...req,
        path: `/api/people?q=${encodeURIComponent(pick(MISSPELT))}&limit=20`,
      }),
    };
    const write = {
      method: 'POST' as const,
      path: '/api/people',
      setupRequest: (req: AutocannonRequest) => ({ ...req, body: personBody() }),
    };
    // 10 requests per cycle of each connection: 7 reads, 2 searches, 1 write, interleaved.
    const mix =
      only === 'read'
        ? [read]
        : only === 'search'
          ? [search]
          : only === 'write'
            ? [write]
            : [read, search, read, read, write, read, read, search, read, read];
    const run = (duration: number) =>
      autocannon({ url: server.baseUrl, connections, duration, headers, requests: mix, timeout: 10 });
    await run(2); // warm-up: JIT, caches, connection pool
    const rssBefore = rssKb(server.pid);
    const loadBefore = loadavg()[0] ?? 0;
    const results: AutocannonResult[] = [];
    const rssSamplesMb: number[] = [];
    for (let i = 0; i < samples; i++) {
      results.push(await run(Math.max(1, Math.round(seconds / samples))));
      rssSamplesMb.push(Math.round(rssKb(server.pid) / 1024));
    }
    const result = combine(results);
    const rssAfter = rssKb(server.pid);
    console.log(
      JSON.stringify({
        benchmark: 'api-load',
        database: kind,
        seconds,
        connections,
        mix: only ? { [only === 'search' ? 'searches' : `${only}s`]: 1 } : { reads: 0.7, searches: 0.2, writes: 0.1 },
        seededPeople: ids.length,
        requestsPerSecond: Math.round(result.requests.average),
        totalRequests: result.requests.total,
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        loadAverage1m: Number(loadBefore.toFixed(2)), // other work on the machine skews the figures
        seedSeconds: Number(((seededAt - seedStart) / 1000).toFixed(1)),
        serverRssMb: { before: Math.round(rssBefore / 1024), after: Math.round(rssAfter / 1024) },
        ...(samples > 1
          ? { soak: { rssSamplesMb, growthAfterFirstSampleMb: (rssSamplesMb.at(-1) ?? 0) - (rssSamplesMb[0] ?? 0) } }
          : {}),
      }),
    );
  } finally {
    await server.kill('SIGTERM');
  }
} finally {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
