// Fuzzing every route (issue 11, item 4), generated from the OpenAPI document so a new route is
// fuzzed the day it is added: an administrator (the widest role) sends each route generated bad
// bodies built from the route's own field names, bad path parameters, bad query strings and, for
// file uploads, random bytes under random types and hostile file names. Whatever comes back is
// never a 5xx and never a stack trace; a rejection is a 4xx {code, message} and writes no row in
// any table; Object.prototype is never polluted. Runs on PGlite (the HTTP boundary does not
// depend on the database). FUZZ_ROUTE_RUNS sets the runs per route (default 12).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { buildWorld } from './permissions/world.ts';
import { targetCache } from './permissions/targets.ts';
import { routePolicies } from './permissions/route-policies.ts';
import {
  assertNoPollution,
  assertRejection,
  badBodies,
  contentType,
  withBadBytes,
  writeFingerprintSql,
} from './fuzz-kit.ts';

const RUNS = Number(process.env.FUZZ_ROUTE_RUNS ?? 12);
/** Routes that end or switch the session: fuzzed elsewhere (tests/security/http-fuzz.test.ts, auth tests). */
const SESSION_CHANGING = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/me/active-org',
  'POST /api/auth/login',
]);

const h = await startHarness('pglite');
const world = await buildWorld(h);
const targetFor = targetCache(world);
after(() => h.close());

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, OpenApiOperation>>;
};
const operations = Object.entries(doc.paths)
  .filter(([path]) => path.startsWith('/api/'))
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      key: `${m.toUpperCase()} ${path}`,
      op,
    })),
  )
  .filter((o) => !SESSION_CHANGING.has(o.key));

const tables = await h.ctx.db.query<{ name: string }>(
  "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
);
const fingerprintSql = writeFingerprintSql(tables.rows.map((t) => t.name));
/** Rows in every table: moves if anything at all was written. */
async function rowFingerprint(): Promise<string> {
  return JSON.stringify((await h.ctx.db.query(fingerprintSql)).rows[0]);
}

/** Real values for a route's path parameters (the records the permission test uses), so fuzzing reaches past "not found". */
async function realParams(key: string): Promise<Record<string, string>> {
  const policy = routePolicies[key];
  if (!policy) return {};
  if (policy.kind === 'record') {
    const t = await targetFor(policy.target, 'org', 'admin');
    return { ...t, ...policy.params?.(t) };
  }
  if (policy.kind === 'org' || policy.kind === 'session') return (await policy.params?.(world)) ?? {};
  return {
    id: '00000000-0000-4000-8000-000000000000',
    indicator: 'people.registered',
    lang: 'es',
    slug: 'asylum-mexico',
  };
}

const badParam = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 80 }),
  fc.constantFrom('__proto__', 'constructor', '..', '../../etc/passwd', '%00', '%E0%A4%A', '-1', '1e309', ' ', 'null'),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '-1', '0', '99999999999', 'true', '2025-02-30', '[]', '{}', '__proto__', '%FF', 'a'.repeat(5000)),
);
const fileName = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\boot.ini',
    'foto.jpg\u0000.exe',
    '%2e%2e%2f',
    'a'.repeat(600),
    'acta.pdf',
    'recibo retén.jpg',
  ),
);
const uploadType = fc.constantFrom(
  'image/jpeg',
  'image/png',
  'application/pdf',
  'text/html',
  'application/octet-stream',
  'image/svg+xml',
  '',
);
const uploadBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from('<svg onload="alert(1)"></svg>'),
    Buffer.from('%PDF-1.4 but not really'),
    Buffer.from([0xff, 0xd8, 0xff]),
    Buffer.alloc(0),
  ),
);

function isUpload(key: string): boolean {
  const p = routePolicies[key];
  return Boolean(p && (p.kind === 'record' || p.kind === 'org') && p.raw);
}

function fill(path: string, values: Record<string, string>, bad: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name in bad)
      return /%/.test(bad[name] as string) ? (bad[name] as string) : encodeURIComponent(bad[name] as string);
    return encodeURIComponent(values[name] ?? '00000000-0000-4000-8000-000000000000');
  });
}

describe('fuzzing every route [pglite]', { timeout: 900_000 }, () => {
  it('covers every API route of the document but the session-changing ones', () => {
    assert.ok(operations.length > 100, `only ${operations.length} routes`);
  });

  for (const { method, path, key, op } of operations) {
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const bodyFields = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
    const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
    if (!withBody && pathParams.length === 0 && queryNames.length === 0) continue;

    it(`${key}: no 5xx, no stack trace, nothing written on rejection`, async () => {
      const real = await realParams(key);
      const paramsArb = fc
        .array(fc.tuple(fc.constantFrom(...(pathParams.length ? pathParams : ['none'])), badParam), {
          maxLength: pathParams.length ? 2 : 0,
        })
        .map((pairs) => Object.fromEntries(pairs));
      const queryArb = fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ['q'])), fc.string({ maxLength: 10 })),
          queryValue,
        ),
        { maxLength: 4 },
      );
      const bodyArb = isUpload(key)
        ? fc.record({ bytes: uploadBytes, type: uploadType, name: fileName }).map((u) => ({
            payload: u.bytes,
            headers: { 'content-type': u.type, 'x-file-name': encodeURIComponent(u.name) } as Record<string, string>,
          }))
        : fc.tuple(withBadBytes(badBodies(bodyFields)), contentType).map(([payload, type]) => ({
            payload,
            headers: (type ? { 'content-type': type } : {}) as Record<string, string>,
          }));
      await fc.assert(
        fc.asyncProperty(paramsArb, queryArb, bodyArb, async (badParams, query, body) => {
          const qs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const url = fill(path, real, badParams) + (qs ? `?${qs}` : '');
          const before = await rowFingerprint();
          const options: InjectOptions = {
            method: method as InjectOptions['method'],
            url,
            ...(withBody ? { payload: body.payload, headers: body.headers } : {}),
          };
          const response: LightMyRequestResponse = await world.clients.admin.request(options);
          const what = `${method} ${url} ${withBody ? body.payload.toString('utf8').slice(0, 120) : ''}`;
          assert.ok(response.statusCode < 500, `${what}: ${response.statusCode} ${response.body.slice(0, 300)}`);
          if (response.statusCode >= 400) {
            assertRejection(response, what);
            assert.equal(await rowFingerprint(), before, `${what}: a rejected request wrote a row`);
          }
          assertNoPollution();
        }),
        { numRuns: RUNS },
      );
    });
  }
});
