// POST /api/auth/login, /logout, /logout-all, /totp/setup, /totp/confirm
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  loginRequestSchema,
  loginResponseSchema,
  totpConfirmRequestSchema,
  totpSetupResponseSchema,
  type Me,
} from '@acompana/core';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { buildMe } from '../orgs/me.ts';
import { registerPasskeyRoutes } from './passkeys/passkeys.routes.ts';
import { registerOidcRoutes } from './oidc/oidc.routes.ts';
import { registerOidcAdminRoutes } from './oidc/oidc-admin.routes.ts';
import { deleteSession, endAccountAccess, lookupSession, sessionCookieName } from './sessions.ts';

function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(ctx.config), { path: '/', secure: ctx.config.secureCookies });
}

/** Sets the cookie of a session just opened and answers like a login: CSRF token and "who am I". */
export async function startSession(
  ctx: AppContext,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
): Promise<{ csrfToken: string; me: Me }> {
  reply.setCookie(sessionCookieName(ctx.config), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    expires: session.expiresAt,
  });
  const found = await lookupSession(ctx.db, session.token, ctx.config.sessionIdleMinutes, ctx.clock());
  if (found.status !== 'ok') throw new Error('session vanished right after it was opened');
  return { csrfToken: found.session.csrf_token, me: await buildMe(ctx.db, found.session) };
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  // Other ways to sign in (docs/decisions/0130-passkeys-and-oidc.md).
  registerPasskeyRoutes(app, ctx);
  registerOidcRoutes(app, ctx);
  registerOidcAdminRoutes(app, ctx);

  api.post(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Log in with e-mail, password and (when enrolled) a TOTP code',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const session = await ctx.login.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      return startSession(ctx, reply, session);
    },
  );

  api.post(
    '/api/auth/logout',
    {
      config: { auth: 'enrolling' },
      schema: { tags, summary: 'End this session', response: { 204: z.null(), ...commonErrorResponses } },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      await deleteSession(ctx.db, session.token_hash);
      await ctx.audit.record({
        actorAccountId: session.account_id,
        action: 'auth.logout',
        recordType: 'account',
        recordId: session.account_id,
        ip: request.ip,
      });
      clearSessionCookie(ctx, reply);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/logout-all',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'End every session of this account, on every device, and its calendar-feed URL',
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      // The calendar feed's secret URL ends with the sessions: it is a way in too.
      await ctx.db.transaction(async (tx) => {
        const counts = await endAccountAccess(tx, session.account_id);
        await ctx.audit.append(tx, {
          actorAccountId: session.account_id,
          action: 'auth.logout_all',
          recordType: 'account',
          recordId: session.account_id,
          ip: request.ip,
          details: counts,
        });
      });
      clearSessionCookie(ctx, reply);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/totp/setup',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'Start two-factor set-up: returns a new secret',
        response: { 200: totpSetupResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { session } = authOf(request);
      return ctx.totpEnrollment.setup(session.account_id, session.email);
    },
  );

  api.post(
    '/api/auth/totp/confirm',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'Finish two-factor set-up with a code from the app',
        body: totpConfirmRequestSchema,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      await ctx.totpEnrollment.confirm(session.account_id, request.body.code, session.token_hash, request.ip);
      return reply.status(204).send(null);
    },
  );
}
