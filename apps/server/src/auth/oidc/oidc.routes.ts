// Sign-in with the organisation's OpenID Connect provider: start, callback, and the account's own
// second factor after it when the organisation does not delegate it to the provider
// (docs/decisions/0130-passkeys-and-oidc.md). The provider's settings are in oidc-admin.routes.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginResponseSchema } from '@acompana/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError, isAppError } from '../../kernel/errors.ts';
import { sendAppError } from '../../kernel/http/error-handler.ts';
import { commonErrorResponses } from '../../kernel/http/error-response.ts';
import { publicOrigin, relyingParty } from '../passkeys/relying-party.ts';
import { createPasskeyService } from '../passkeys/passkeys.service.ts';
import { loginAnswer, setSessionCookie, startSession } from '../passkeys/sign-in.ts';
import { callbackPath, createOidcLoginService, FLOW_MINUTES, PENDING_MINUTES } from './oidc-login.service.ts';
import { claimTotp } from './oidc-second-factor.ts';
import { oidcSecondFactorRequestSchema } from './oidc.schemas.ts';

export const STATE_COOKIE = 'acompana_oidc_state';
export const PENDING_COOKIE = 'acompana_oidc_pending';
const cookiePath = '/api/auth/oidc';

/** A browser gets the login page with the error's code; a program gets the JSON error. */
function fail(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if ((request.headers.accept ?? '').includes('text/html'))
    return reply.redirect(`/app/login?oidcError=${encodeURIComponent(error.code)}`, 303);
  return sendAppError(request, reply, error);
}

export function registerOidcRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const oidc = createOidcLoginService({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock });
  const passkeys = createPasskeyService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  const cookieBase = { path: cookiePath, httpOnly: true, secure: ctx.config.secureCookies };

  api.get(
    '/api/auth/oidc/:slug/start',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: "Go to the organisation's identity provider to sign in",
        params: z.object({ slug: z.string().max(63) }),
        response: { 303: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const { url, state } = await oidc.start(request.params.slug, publicOrigin(ctx.config, request));
        // Lax: the provider's redirect back is a cross-site top-level navigation.
        reply.setCookie(STATE_COOKIE, state, { ...cookieBase, sameSite: 'lax', maxAge: FLOW_MINUTES * 60 });
        return reply.redirect(url.href, 303);
      } catch (error) {
        if (isAppError(error)) return fail(request, reply, error);
        throw error;
      }
    },
  );

  api.get(
    callbackPath,
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: "The identity provider's answer: opens a session, or asks for the account's second factor",
        querystring: z.record(z.string(), z.string().max(4000)),
        response: { 303: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const stateCookie = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: cookiePath });
      try {
        const currentUrl = new URL(request.url, publicOrigin(ctx.config, request));
        const proven = await oidc.callback({ currentUrl, stateCookie, ip: request.ip });
        if (proven.delegated || !proven.hasTotp) {
          // Delegated: the provider's second factor counts. No TOTP of its own: the session is
          // first-factor only and a role that requires two-factor must enrol first (decision 0005).
          const session = await startSession(ctx, request, {
            accountId: proven.accountId,
            orgId: proven.orgId,
            secondFactorOk: proven.delegated,
            method: 'oidc',
          });
          setSessionCookie(ctx, reply, session);
          return reply.redirect('/app/', 303);
        }
        const token = await oidc.pendSecondFactor(proven);
        reply.setCookie(PENDING_COOKIE, token, { ...cookieBase, sameSite: 'strict', maxAge: PENDING_MINUTES * 60 });
        return reply.redirect('/app/login?oidc=second-factor', 303);
      } catch (error) {
        if (isAppError(error)) return fail(request, reply, error);
        throw error;
      }
    },
  );

  api.post(
    '/api/auth/oidc/second-factor',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: "After the identity provider: the account's TOTP code or a passkey (one try)",
        body: oidcSecondFactorRequestSchema,
        response: { 200: loginResponseSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const pending = await oidc.takePending(request.cookies[PENDING_COOKIE]);
      reply.clearCookie(PENDING_COOKIE, { path: cookiePath });
      const body = request.body;
      let method: 'oidc_totp' | 'oidc_passkey';
      if ('totp' in body) {
        method = 'oidc_totp';
        if (!(await claimTotp(ctx.db, ctx.keyring, pending.accountId, body.totp, ctx.clock()))) {
          await ctx.audit.record({
            actorAccountId: pending.accountId,
            action: 'auth.login_failed',
            recordType: 'account',
            recordId: pending.accountId,
            orgId: pending.orgId,
            ip: request.ip,
            details: { reason: 'oidc_totp' },
          });
          throw new AppError('auth.totp_invalid', { field: 'totp' });
        }
      } else {
        method = 'oidc_passkey';
        const rp = relyingParty(ctx.config, request);
        await passkeys.verifyAuthentication(rp, body.passkey, request.ip, pending.accountId);
      }
      const session = await startSession(ctx, request, {
        accountId: pending.accountId,
        orgId: pending.orgId,
        secondFactorOk: true,
        method,
      });
      setSessionCookie(ctx, reply, session);
      return loginAnswer(ctx, session);
    },
  );
}
