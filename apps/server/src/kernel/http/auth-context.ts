// Who is asking. Every /api route is authenticated unless its config says `auth: 'public'`
// (deny by default). State-changing requests must echo the session's CSRF token in the
// x-csrf-token header. An account whose role requires two-factor but has none set up can only
// reach the routes marked `auth: 'enrolling'` (who am I, set up two-factor, log out).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '@acompana/core';
import { AppError } from '../errors.ts';
import type { Queryable } from '../db/database.ts';
import { checkSession, fetchSession, hashToken, SESSION_COOKIE, type SessionRow } from '../../auth/sessions.ts';
import type { CachedSharing, SessionCache } from '../../auth/session-cache.ts';
import type { ClusterSignals } from '../db/cluster-signals.ts';
import type { ReadRouting } from '../db/read-routing.ts';
import { listSharingTowards, type MembershipRow } from '../../orgs/orgs.queries.ts';

export type RouteAuth = 'public' | 'session' | 'enrolling';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export interface AuthContext {
  session: SessionRow;
  memberships: MembershipRow[];
  /** True when a role the account holds requires two-factor and none is set up yet. */
  mustEnrollTotp: boolean;
  actor: () => Promise<Actor>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function mustEnrollTotp(session: SessionRow, memberships: MembershipRow[]): boolean {
  // A session whose second factor was proven another way (a user-verified passkey, or the
  // organisation's identity provider when it delegates to it) needs no TOTP (decision 0130).
  if (session.totp_enrolled || session.totp_exempt || session.second_factor_ok) return false;
  return memberships.some((m) => m.totp_required_roles.includes(m.role));
}

interface AuthDeps {
  db: Queryable;
  idleMinutes: number;
  clock: () => Date;
  cache: SessionCache;
  /** Tells the other app processes to drop their cache too (a logout here is refused there at once). */
  signals: ClusterSignals;
  /** A session that wrote reads from the primary until the replica has its write. */
  reads?: Pick<ReadRouting, 'noteWrite'>;
  /** __Host-acompana_session over HTTPS, acompana_session on plain http (auth/sessions.ts). */
  cookieName?: string;
}

/** The session behind a cookie, from the cache when it is fresh; expiry is checked either way. */
async function sessionFor(deps: AuthDeps, token: string | undefined) {
  const tokenHash = token && token.length <= 200 ? hashToken(token) : undefined;
  const cached = tokenHash ? deps.cache.get(tokenHash) : undefined;
  const generation = deps.cache.generation();
  const row = cached ? cached.session : await fetchSession(deps.db, token);
  const found = await checkSession(deps.db, row, deps.idleMinutes, deps.clock());
  if (tokenHash && !cached && found.status === 'ok') deps.cache.put(tokenHash, { session: found.session }, generation);
  if (tokenHash && found.status === 'expired') deps.cache.clear();
  return { found, tokenHash, cachedSharing: cached?.sharing, generation };
}

export function installAuthContext(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest('auth', null);
  const unsubscribe = deps.signals.subscribe('sessions', () => deps.cache.clear());
  app.addHook('onClose', async () => unsubscribe());
  // Anything that changes state may change who someone is (log out, role, organisation, account):
  // empty the cache, here and in every other process, before the answer leaves, so the client's
  // next request sees the change whichever process it reaches.
  app.addHook('onSend', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (deps.cache.enabled) deps.signals.publish('sessions');
    if (request.auth) deps.reads?.noteWrite(request.auth.session.account_id);
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    // The OpenAPI document and its viewer are public documentation of the API, not data.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const mode: RouteAuth = request.routeOptions.config?.auth ?? 'session';
    if (mode === 'public') return;
    const { found, tokenHash, cachedSharing, generation } = await sessionFor(
      deps,
      request.cookies[deps.cookieName ?? SESSION_COOKIE],
    );
    if (found.status === 'none') throw new AppError('auth.unauthenticated');
    if (found.status === 'expired') throw new AppError('auth.session_expired');
    const session = found.session;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrf_token)) throw new AppError('auth.csrf_invalid');
    }
    const memberships = session.memberships;
    const enrol = mustEnrollTotp(session, memberships);
    if (enrol && mode !== 'enrolling') throw new AppError('auth.totp_enrollment_required');
    let actor: Actor | undefined;
    request.auth = {
      session,
      memberships,
      mustEnrollTotp: enrol,
      async actor() {
        if (actor) return actor;
        const active = memberships.find((m) => m.org_id === session.active_org_id);
        let sharing: CachedSharing[] = [];
        if (active && cachedSharing?.orgId === active.org_id) sharing = cachedSharing.items;
        else if (active) {
          sharing = (await listSharingTowards(deps.db, active.org_id)).map((s) => ({
            fromOrgId: s.from_org_id,
            purposes: s.purposes,
          }));
          if (tokenHash)
            deps.cache.put(tokenHash, { session, sharing: { orgId: active.org_id, items: sharing } }, generation);
        }
        actor = {
          accountId: session.account_id,
          orgId: active?.org_id ?? null,
          role: active?.role ?? null,
          teamIds: (active?.teams ?? []).map((t) => t.id),
          sharing: sharing.map((s) => ({ ...s, purposes: [...s.purposes] })),
        };
        return actor;
      },
    };
  });
}

/** The authenticated context of a route that requires a session (never null there). */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('auth.unauthenticated');
  return request.auth;
}
