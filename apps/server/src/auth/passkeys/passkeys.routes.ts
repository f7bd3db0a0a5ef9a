// /api/auth/passkeys: register, list and remove the signed-in account's passkeys; sign in with a
// passkey alone, or with the password and a passkey in place of the TOTP code
// (docs/decisions/0130-passkeys-and-oidc.md).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginResponseSchema } from '@acompana/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../kernel/errors.ts';
import { commonErrorResponses } from '../../kernel/http/error-response.ts';
import { authOf } from '../../kernel/http/auth-context.ts';
import { relyingParty } from './relying-party.ts';
import { createPasskeyService } from './passkeys.service.ts';
import {
  passkeySecondFactorRequestSchema,
  passkeySignInRequestSchema,
  passkeySummarySchema,
  registerVerifyRequestSchema,
  webauthnOptionsSchema,
} from './passkeys.schemas.ts';
import { deleteSession, hashToken } from '../sessions.ts';
import { loginAnswer, setSessionCookie, startSession } from './sign-in.ts';
import { requireRecentReauth } from '../reauthentication.ts';

/** More unexpired sign-in challenges than this means a flood, not people signing in. */
const MAX_OPEN_CHALLENGES = 5000;

export function registerPasskeyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const passkeys = createPasskeyService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });

  api.post(
    '/api/auth/passkeys/register/options',
    {
      schema: {
        tags,
        summary: 'Start adding a passkey to the signed-in account (after password and second factor)',
        response: { 200: webauthnOptionsSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { session } = authOf(request);
      // Only a session that passed the second factor may add a new way in (ASVS V2.8 / V3.7).
      if (!session.second_factor_ok && !session.totp_exempt) throw new AppError('auth.passkey_second_factor_required');
      // And a fresh proof in this session (decision 0140), unless the account has nothing to prove
      // with: no password and no passkey yet (made by the organisation's provider).
      const proofs = await ctx.db.query<{ any: boolean }>(
        `SELECT (password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM passkeys p WHERE p.account_id = a.id)) AS any
           FROM accounts a WHERE a.id = $1`,
        [session.account_id],
      );
      if (proofs.rows[0]?.any) await requireRecentReauth(ctx.db, session.token_hash, ctx.clock());
      const options = await passkeys.registrationOptions(
        { id: session.account_id, email: session.email, displayName: session.display_name },
        relyingParty(ctx.config, request),
        request.ip,
      );
      return options as unknown as Record<string, unknown>;
    },
  );

  api.post(
    '/api/auth/passkeys/register/verify',
    {
      schema: {
        tags,
        summary: "Finish adding a passkey with the authenticator's answer",
        body: registerVerifyRequestSchema,
        response: { 201: passkeySummarySchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      if (!session.second_factor_ok && !session.totp_exempt) throw new AppError('auth.passkey_second_factor_required');
      // And a fresh proof in this session (decision 0140), unless the account has nothing to prove
      // with: no password and no passkey yet (made by the organisation's provider).
      const proofs = await ctx.db.query<{ any: boolean }>(
        `SELECT (password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM passkeys p WHERE p.account_id = a.id)) AS any
           FROM accounts a WHERE a.id = $1`,
        [session.account_id],
      );
      if (proofs.rows[0]?.any) await requireRecentReauth(ctx.db, session.token_hash, ctx.clock());
      const created = await passkeys.verifyRegistration(
        session.account_id,
        relyingParty(ctx.config, request),
        request.body,
        request.ip,
      );
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/auth/passkeys',
    {
      schema: {
        tags,
        summary: "The signed-in account's passkeys",
        response: { 200: z.object({ items: z.array(passkeySummarySchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ items: await passkeys.list(authOf(request).session.account_id) }),
  );

  api.delete(
    '/api/auth/passkeys/:passkeyId',
    {
      schema: {
        tags,
        summary: 'Remove one of the signed-in account’s passkeys',
        params: z.object({ passkeyId: z.string().max(64) }),
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await passkeys.remove(authOf(request).session.account_id, request.params.passkeyId, request.ip);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/passkeys/options',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'A single-use challenge for signing in with a passkey',
        response: { 200: webauthnOptionsSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const open = await ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM webauthn_challenges WHERE purpose = 'authentication' AND expires_at > $1",
        [ctx.clock()],
      );
      if (Number(open.rows[0]?.n ?? 0) >= MAX_OPEN_CHALLENGES) throw new AppError('auth.rate_limited');
      const options = await passkeys.authenticationOptions(relyingParty(ctx.config, request));
      return options as unknown as Record<string, unknown>;
    },
  );

  api.post(
    '/api/auth/passkeys/login',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Sign in with a passkey alone (phishing-resistant; user verification required)',
        body: passkeySignInRequestSchema,
        response: { 200: loginResponseSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const proven = await passkeys.verifyAuthentication(
        relyingParty(ctx.config, request),
        request.body.response,
        request.ip,
      );
      // A user-verified passkey is possession plus PIN or biometric: it counts as both factors.
      const session = await startSession(ctx, request, {
        accountId: proven.accountId,
        secondFactorOk: true,
        method: 'passkey',
      });
      setSessionCookie(ctx, reply, session);
      return loginAnswer(ctx, session);
    },
  );

  api.post(
    '/api/auth/passkeys/second-factor',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Log in with e-mail and password, and a passkey in place of the TOTP code',
        body: passkeySecondFactorRequestSchema,
        response: { 200: loginResponseSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const rp = relyingParty(ctx.config, request);
      const proven = await passkeys.verifyAuthentication(rp, request.body.response, request.ip);
      // The password goes through the one login path (attempt counting, lockout, audit). When it is
      // right it stops at the second factor, and the passkey just verified stands in for the code.
      await ctx.login
        .login({
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        })
        .then(
          async (opened) => {
            // No second factor on this account: the password alone opened a session; take it back.
            await deleteSession(ctx.db, hashToken(opened.token));
          },
          (error: unknown) => {
            if (!(error instanceof AppError && error.code === 'auth.totp_required')) throw error;
          },
        );
      const { rows } = await ctx.db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email = $1', [
        request.body.email.trim().toLowerCase(),
      ]);
      if (rows[0]?.id !== proven.accountId) {
        await ctx.audit.record({
          actorAccountId: proven.accountId,
          action: 'auth.login_failed',
          recordType: 'account',
          recordId: proven.accountId,
          ip: request.ip,
          details: { reason: 'passkey_other_account' },
        });
        throw new AppError('auth.passkey_invalid');
      }
      const session = await startSession(ctx, request, {
        accountId: proven.accountId,
        secondFactorOk: true,
        method: 'password_passkey',
      });
      setSessionCookie(ctx, reply, session);
      return loginAnswer(ctx, session);
    },
  );
}
