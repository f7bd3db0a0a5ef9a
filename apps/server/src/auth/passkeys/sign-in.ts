// Starting a session for an account proven by something other than its password: a passkey, or
// the organisation's identity provider. Same cookie, CSRF token and audit entry as the password
// login (docs/decisions/0005-sessions-and-second-factor.md), plus the method used.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Me } from '@acompana/core';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../kernel/errors.ts';
import { buildMe } from '../../orgs/me.ts';
import { createSession, lookupSession, sessionCookieName, type NewSession } from '../sessions.ts';

export type SignInMethod = 'passkey' | 'password_passkey' | 'oidc' | 'oidc_totp' | 'oidc_passkey';

export interface SignInInput {
  accountId: string;
  /** The organisation to open in; the account's first membership when absent. */
  orgId?: string;
  secondFactorOk: boolean;
  method: SignInMethod;
}

/** Creates the session (and its audit entry) in one transaction; refuses a disabled account. */
export async function startSession(ctx: AppContext, request: FastifyRequest, input: SignInInput): Promise<NewSession> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ home_org_id: string; disabled: boolean; org_id: string | null }>(
      `SELECT a.home_org_id::text AS home_org_id, a.disabled_at IS NOT NULL AS disabled,
              (SELECT m.org_id::text FROM memberships m WHERE m.account_id = a.id
                ORDER BY (m.org_id::text = $2) DESC, m.created_at LIMIT 1) AS org_id
         FROM accounts a WHERE a.id = $1`,
      [input.accountId, input.orgId ?? ''],
    );
    const account = rows[0];
    if (!account || account.disabled) throw new AppError('auth.invalid_credentials');
    const session = await createSession(tx, {
      accountId: input.accountId,
      activeOrgId: account.org_id,
      secondFactorOk: input.secondFactorOk,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      maxMinutes: ctx.config.sessionMaxMinutes,
      now,
    });
    await ctx.audit.append(tx, {
      actorAccountId: input.accountId,
      action: 'auth.login',
      recordType: 'account',
      recordId: input.accountId,
      orgId: account.home_org_id,
      ip: request.ip,
      details: { secondFactor: input.secondFactorOk, method: input.method },
    });
    return session;
  });
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(sessionCookieName(ctx.config), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    expires: session.expiresAt,
  });
}

/** The login answer: the same {csrfToken, me} as POST /api/auth/login. */
export async function loginAnswer(ctx: AppContext, session: NewSession): Promise<{ csrfToken: string; me: Me }> {
  const found = await lookupSession(ctx.db, session.token, ctx.config.sessionIdleMinutes, ctx.clock());
  if (found.status !== 'ok') throw new Error('session vanished right after login');
  return { csrfToken: session.csrfToken, me: await buildMe(ctx.db, found.session) };
}
