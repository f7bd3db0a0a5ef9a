// Every integer a request may carry is bounded in its schema to what both databases store
// (PostgreSQL int4: -2147483648..2147483647), so an out-of-range number is a 400 naming the
// field and never reaches SQL, where PostgreSQL answered 500 ("value out of range for type
// integer": PATCH /api/people/{id} {"version": 2147483648}). Two properties over every route of
// the OpenAPI document: (1) each integer in a body, query or path schema declares bounds inside
// int4; (2) sending out-of-range integers in each such top-level body or query field, the rest of
// the body valid where the permission test knows a valid body, answers 4xx, never 5xx, and
// writes nothing. Runs on PostgreSQL when it is available (the database that overflowed), else PGlite.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { testDatabaseKinds } from '../../apps/server/src/testing/test-database.ts';
import { buildWorld } from './permissions/world.ts';
import { targetCache } from './permissions/targets.ts';
import { routePolicies } from './permissions/route-policies.ts';
import { assertRejection, writeFingerprintSql } from './fuzz-kit.ts';

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;
const RUNS = Number(process.env.FUZZ_INT_RUNS ?? 6);
const SESSION_CHANGING = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/me/active-org',
  'POST /api/auth/login',
]);

const kind = (await testDatabaseKinds()).includes('postgres') ? 'postgres' : 'pglite';
const h = await startHarness(kind);
const world = await buildWorld(h);
const targetFor = targetCache(world);
after(() => h.close());

interface JsonSchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}
interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, Operation>>;
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

const isInteger = (s: JsonSchema) => s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'));

/** Every integer in a schema, with its path (a.b[].c) and whether it is within int4. */
function integersOf(schema: JsonSchema | undefined, at: string, out: { path: string; ok: boolean }[] = []) {
  if (!schema) return out;
  if (isInteger(schema)) {
    const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -Infinity);
    const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Infinity);
    out.push({ path: at, ok: min >= INT4_MIN && max <= INT4_MAX });
  }
  for (const [k, v] of Object.entries(schema.properties ?? {})) integersOf(v, at ? `${at}.${k}` : k, out);
  if (schema.items) integersOf(schema.items, `${at}[]`, out);
  if (typeof schema.additionalProperties === 'object') integersOf(schema.additionalProperties, `${at}{}`, out);
  for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) integersOf(s, at, out);
  return out;
}

function requestIntegers(op: Operation) {
  const body = integersOf(op.requestBody?.content?.['application/json']?.schema, '');
  const params = (op.parameters ?? []).flatMap((p) =>
    integersOf(p.schema, p.name).map((i) => ({ ...i, where: p.in as 'query' | 'path' })),
  );
  return { body, params };
}

async function validBody(key: string): Promise<Record<string, unknown>> {
  const policy = routePolicies[key];
  if (!policy || !('body' in policy) || !policy.body) return {};
  if (policy.kind === 'record')
    return (await policy.body(await targetFor(policy.target, 'org', 'admin'), world)) as never;
  return ((policy.body as (w: typeof world) => unknown)(world) ?? {}) as Record<string, unknown>;
}

async function realParams(key: string): Promise<Record<string, string>> {
  const policy = routePolicies[key];
  if (!policy) return {};
  if (policy.kind === 'record') {
    const t = await targetFor(policy.target, 'org', 'admin');
    return { ...t, ...policy.params?.(t) };
  }
  if (policy.kind === 'org' || policy.kind === 'session') return (await policy.params?.(world)) ?? {};
  return {};
}

const outOfRange = fc.oneof(
  fc.constantFrom(INT4_MAX + 1, INT4_MIN - 1, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e20, 4294967296),
  fc.integer({ min: INT4_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: INT4_MIN - 1 }),
);

const tables = await h.ctx.db.query<{ name: string }>(
  "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
);
const fingerprintSql = writeFingerprintSql(tables.rows.map((t) => t.name));
const fingerprint = async () => JSON.stringify((await h.ctx.db.query(fingerprintSql)).rows[0]);

describe(`integer bounds on every route [${kind}]`, { timeout: 900_000 }, () => {
  it('every integer a request may carry is bounded to int4 in its schema', () => {
    const unbounded = operations.flatMap(({ key, op }) => {
      const { body, params } = requestIntegers(op);
      return [...body, ...params].filter((i) => !i.ok).map((i) => `${key} ${i.path}`);
    });
    const checked = operations.flatMap(({ op }) => {
      const { body, params } = requestIntegers(op);
      return [...body, ...params];
    }).length;
    assert.ok(checked > 20, `only ${checked} integer fields found`);
    assert.deepEqual(unbounded, []);
  });

  it('reproduces the finding: PATCH /api/people/{id} {"version": 2147483648} is a 400 naming the field', async () => {
    const t = await targetFor('person', 'org', 'admin');
    const r = await world.clients.admin.request({
      method: 'PATCH',
      url: `/api/people/${t.id}`,
      payload: { version: 2147483648, givenNames: 'X' },
    });
    assert.equal(r.statusCode, 400, r.body);
    assert.equal((r.json() as { field?: string }).field, 'version');
  });

  for (const { method, path, key, op } of operations) {
    const { body, params } = requestIntegers(op);
    const topLevel = body.filter((i) => /^[^.[{]+$/.test(i.path)).map((i) => i.path);
    const query = params.filter((p) => p.where === 'query').map((p) => p.path);
    if (topLevel.length === 0 && query.length === 0) continue;
    it(`${key}: out-of-range integers answer 4xx, never 5xx, and write nothing`, async () => {
      const base = await validBody(key);
      const real = await realParams(key);
      const url = path.replace(/\{(\w+)\}/g, (_, n: string) =>
        encodeURIComponent(real[n] ?? '00000000-0000-4000-8000-000000000000'),
      );
      const field = fc.constantFrom(...[...topLevel.map((f) => ['body', f]), ...query.map((f) => ['query', f])]);
      await fc.assert(
        fc.asyncProperty(field, outOfRange, async ([where, name], value) => {
          const before = await fingerprint();
          const options: InjectOptions =
            where === 'body'
              ? { method: method as InjectOptions['method'], url, payload: { ...base, [name as string]: value } }
              : { method: method as InjectOptions['method'], url: `${url}?${name}=${value}` };
          const r = await world.clients.admin.request(options);
          const what = `${key} ${where} ${name}=${value}`;
          assertRejection(r, what);
          assert.equal(r.statusCode, 400, `${what}: ${r.statusCode} ${r.body.slice(0, 200)}`);
          assert.equal(await fingerprint(), before, `${what}: a rejected request wrote a row`);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
