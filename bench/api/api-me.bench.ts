// Authenticated GET /api/me against a bare Fastify route, side by side in the same run on the
// same machine. autocannon runs in a child process so the load generator does not share the
// server's event loop. Prints one JSON line; the ratios are the figures to compare over time.
// Options: --seconds N (default 10), --connections N (default 10), --db pglite|postgres.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const seconds = Number(option('seconds', '10'));
const connections = Number(option('connections', '10'));
const kind = option('db', 'pglite') === 'postgres' ? 'postgres' : 'pglite';
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  non2xx: number;
}

// Asynchronous on purpose: the servers under test live in this process's event loop.
function autocannon(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [autocannonCli, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`autocannon failed: ${err}`))));
  });
}

async function load(url: string, headers: string[]): Promise<Figures> {
  const stdout = await autocannon([
    '-j',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    ...headers.flatMap((h) => ['-H', h]),
    url,
  ]);
  const report = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p99: number; p50: number };
    non2xx: number;
  };
  return {
    requestsPerSecond: Math.round(report.requests.average),
    p99Ms: report.latency.p99,
    p50Ms: report.latency.p50,
    non2xx: report.non2xx,
  };
}

const harness = await startHarness(kind);
await harness.createAccount({ org: 'bench-org', email: 'bench@bench.example', role: 'caseworker' });
const client = await harness.login('bench@bench.example');
// The benchmark runs longer than the idle timeout would allow on a frozen clock: keep it fresh.
const ticker = setInterval(() => (harness.clock.now = new Date()), 1000);
await harness.app.listen({ host: '127.0.0.1', port: 0 });
const mePort = (harness.app.server.address() as AddressInfo).port;

const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
await bare.listen({ host: '127.0.0.1', port: 0 });
const barePort = (bare.server.address() as AddressInfo).port;

// Warm-up (JIT, caches), then the measured runs.
await autocannon(['-c', '2', '-d', '2', '-H', `cookie=${client.cookie}`, `http://127.0.0.1:${mePort}/api/me`]);
const me = await load(`http://127.0.0.1:${mePort}/api/me`, [`cookie=${client.cookie}`]);
const bareFigures = await load(`http://127.0.0.1:${barePort}/bare`, []);

clearInterval(ticker);
await bare.close();
await harness.close();

console.log(
  JSON.stringify({
    benchmark: 'api-me',
    database: kind,
    seconds,
    connections,
    me,
    bare: bareFigures,
    throughputRatio: Number((me.requestsPerSecond / bareFigures.requestsPerSecond).toFixed(3)),
    p99Ratio: Number((me.p99Ms / Math.max(bareFigures.p99Ms, 1)).toFixed(2)),
  }),
);
