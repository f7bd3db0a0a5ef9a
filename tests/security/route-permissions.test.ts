// Permissions, route by route (issue 11, item 5): for every route of the OpenAPI document, every
// role and every scope — own, team, organisation, shared by a partner, another organisation,
// and anonymous — the server allows exactly what the policy table (permissions/route-policies.ts)
// expects. The route list comes from the running app, so a route added without an entry in the
// table fails here. Allowed means the call got past the policy (any answer but 401, 403 or 404);
// denied means 403 (inside the organisation) or 404 (the record is not the actor's to know of).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { can, listScope, roles, type Role } from '@acompana/core';
import { startHarness } from '../../apps/server/src/testing/test-harness.ts';
import { buildWorld, scopes, type Scope, type World } from './permissions/world.ts';
import { targetCache, type Target } from './permissions/targets.ts';
import { actorCan, routePolicies, type RecordPolicy, type RoutePolicy } from './permissions/route-policies.ts';

const h = await startHarness('pglite');
const world = await buildWorld(h);
after(() => h.close());

interface Operation {
  method: string;
  path: string;
  key: string;
}

const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, unknown>>;
};
const operations: Operation[] = Object.entries(doc.paths)
  .filter(([path]) => path.startsWith('/api/'))
  .flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}` })),
  );

/**
 * Errors that refuse a reference to a record the actor may not know of exactly as they refuse an
 * unknown one (a 400 naming the field, so that the form can point at it).
 */
const NOT_YOURS_CODES = new Set(['households.unknown_member']);
/** Refused by the policy or the session check (a wrong two-factor code is a 401 past both). */
function isDenied(r: LightMyRequestResponse): boolean {
  if (r.statusCode === 403 || r.statusCode === 404) return true;
  if (r.statusCode !== 401 && r.statusCode !== 400) return false;
  const code = (r.json() as { code?: string }).code ?? '';
  return r.statusCode === 401 ? code === 'auth.unauthenticated' : NOT_YOURS_CODES.has(code);
}
const targetFor = targetCache(world);

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    assert.ok(value, `no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

async function call(
  role: Role | 'anonymous',
  op: Operation,
  url: string,
  body: unknown,
  raw?: RecordPolicy['raw'],
  fresh = false,
): Promise<LightMyRequestResponse> {
  const options: InjectOptions = { method: op.method as InjectOptions['method'], url };
  if (raw) Object.assign(options, { payload: raw.payload, headers: raw.headers });
  else if (body !== undefined) options.payload = body as object;
  if (role === 'anonymous') return h.app.inject(options);
  if (!fresh) return world.clients[role].request(options);
  // A call that ends or changes its session (logout everywhere, switching organisation) gets its
  // own login, and the role's shared session is renewed after it.
  const response = await (await h.login(`${role}@perm-a.example`)).request(options);
  world.clients[role] = await h.login(`${role}@perm-a.example`);
  return response;
}

const bodyOf = (policy: RoutePolicy, w: World, t: Target = { id: '' }): unknown => {
  if (policy.kind === 'record') return policy.body?.(t, w);
  if (policy.kind === 'public') return undefined;
  return policy.body?.(w);
};

function expected(policy: Exclude<RoutePolicy, { kind: 'public' }>, role: Role, scope?: Scope): boolean {
  switch (policy.kind) {
    case 'session':
      return true;
    case 'org':
      return can(world.actorOf(role), policy.action, { type: policy.record, orgId: world.orgs.A });
    case 'list':
      return listScope(world.actorOf(role), 'read', policy.record) !== undefined;
    case 'record':
      return policy.expect
        ? policy.expect(world, role, scope as Scope)
        : actorCan(world, role, policy.action, policy.record, scope as Scope);
  }
}

describe('route permissions', () => {
  it('every API route declares who may call it, and no declaration names a route that is gone', () => {
    const known = new Set(operations.map((o) => o.key));
    assert.deepEqual(
      operations.map((o) => o.key).filter((k) => !routePolicies[k]),
      [],
      'routes without an entry in tests/security/permissions/route-policies.ts',
    );
    assert.deepEqual(
      Object.keys(routePolicies).filter((k) => !known.has(k)),
      [],
      'entries for routes that no longer exist',
    );
  });

  for (const op of operations) {
    const policy = routePolicies[op.key];
    if (!policy) continue;
    it(`${op.key}: ${policy.kind === 'public' ? 'answers anyone' : 'allows exactly what the policy says, for every role and scope'}`, async () => {
      const mismatches: string[] = [];
      const check = (who: string, allowedExpected: boolean, response: LightMyRequestResponse) => {
        // A server error is never an answer to "may this role do this": it hides the real decision.
        if (response.statusCode >= 500) {
          mismatches.push(`${who}: server error ${response.statusCode} ${response.body.slice(0, 160)}`);
          return;
        }
        const allowed = !isDenied(response);
        if (allowed !== allowedExpected)
          mismatches.push(
            `${who}: expected ${allowedExpected ? 'allowed' : 'denied'}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
      };
      if (policy.kind === 'public') {
        const params = {
          id: '00000000-0000-4000-8000-000000000000',
          indicator: 'people.registered',
          lang: 'es',
          slug: 'asylum-mexico',
        };
        const response = await call('anonymous', op, fill(op.path, params), undefined);
        assert.ok(
          ![401, 403].includes(response.statusCode) && response.statusCode < 500,
          `${op.key} anonymous: ${response.statusCode}`,
        );
        return;
      }
      if (policy.kind === 'record') {
        const anonymousTarget = await targetFor(policy.target, 'org', 'admin', false);
        check(
          'anonymous',
          false,
          await call(
            'anonymous',
            op,
            fill(op.path, { ...anonymousTarget, ...policy.params?.(anonymousTarget) }),
            bodyOf(policy, world, anonymousTarget),
            policy.raw,
          ),
        );
        for (const role of roles) {
          for (const scope of policy.scopes ?? scopes) {
            const t = await targetFor(policy.target, scope, role, policy.fresh ?? false);
            const url = fill(op.path, { ...t, ...policy.params?.(t) }) + (policy.query ? `?${policy.query(t)}` : '');
            check(
              `${role} on a ${scope} record`,
              expected(policy, role, scope),
              await call(role, op, url, bodyOf(policy, world, t), policy.raw),
            );
          }
        }
      } else {
        const params = policy.kind === 'org' || policy.kind === 'session' ? ((await policy.params?.(world)) ?? {}) : {};
        const query = policy.kind !== 'session' && policy.query ? `?${policy.query}` : '';
        const urlWith = async (own: Record<string, string> = {}) => fill(op.path, { ...params, ...own }) + query;
        const owned = policy.kind === 'session' ? policy.own : undefined;
        check(
          'anonymous',
          false,
          await call(
            'anonymous',
            op,
            await urlWith(owned ? await owned(world, 'admin') : {}),
            bodyOf(policy, world),
            policy.kind === 'org' ? policy.raw : undefined,
          ),
        );
        for (const role of roles) {
          const fresh = policy.kind === 'session' && (policy.fresh ?? false);
          const url = await urlWith(owned ? await owned(world, role) : {});
          check(
            role,
            expected(policy, role),
            await call(role, op, url, bodyOf(policy, world), policy.kind === 'org' ? policy.raw : undefined, fresh),
          );
          if (policy.kind === 'session' && policy.others)
            check(
              `${role} on somebody else's`,
              false,
              await call(role, op, await urlWith(await policy.others(world)), bodyOf(policy, world)),
            );
        }
      }
      assert.deepEqual(mismatches, [], `${op.key}\n${mismatches.join('\n')}`);
    });
  }
});
