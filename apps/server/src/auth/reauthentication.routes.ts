// Re-authenticating in the current session, and replacing the authenticator app after it
// (docs/decisions/0140-reauthentication-throttles-in-the-database.md, OWASP ASVS 3.7.1).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { totpConfirmRequestSchema, totpSetupResponseSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { AppError } from '../kernel/errors.ts';
import { authenticationResponseSchema } from './passkeys/passkeys.schemas.ts';
import { createPasskeyService } from './passkeys/passkeys.service.ts';
import { relyingParty } from './passkeys/relying-party.ts';
import { markReauthenticated } from './reauthentication.ts';

const reauthRequestSchema = z.union([
  z.strictObject({ password: z.string().min(1).max(1024) }),
  z.strictObject({ passkey: authenticationResponseSchema }),
]);

export function registerReauthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];
  const passkeys = createPasskeyService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });

  api.post(
    '/api/account/reauthenticate',
    {
      schema: {
        tags,
        summary: 'Prove the password or a passkey again; for five minutes this session may make sensitive changes',
        body: reauthRequestSchema,
        response: { 200: z.object({ validUntil: z.string() }), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { session } = authOf(request);
      const owner = {
        accountId: session.account_id,
        email: session.email,
        sessionTokenHash: session.token_hash,
        ip: request.ip,
      };
      let method: 'password' | 'passkey';
      if ('password' in request.body) {
        await ctx.accountSelf.confirmPassword(owner, request.body.password, 'password');
        method = 'password';
      } else {
        // The passkey must be one of this account's own (another account's key proves nothing here).
        const proven = await passkeys.verifyAuthentication(
          relyingParty(ctx.config, request),
          request.body.passkey,
          request.ip,
          session.account_id,
        );
        if (proven.accountId !== session.account_id) throw new AppError('auth.passkey_invalid');
        method = 'passkey';
      }
      const validUntil = await markReauthenticated(ctx.db, session.token_hash, ctx.clock());
      await ctx.audit.record({
        actorAccountId: session.account_id,
        action: 'auth.reauthenticated',
        recordType: 'account',
        recordId: session.account_id,
        ip: request.ip,
        details: { method },
      });
      return { validUntil: validUntil.toISOString() };
    },
  );

  api.post(
    '/api/account/totp/replace/setup',
    {
      schema: {
        tags,
        summary: 'Start replacing the authenticator app (after re-authenticating): returns a new secret',
        response: { 200: totpSetupResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { session } = authOf(request);
      return ctx.totpEnrollment.replaceSetup(session.account_id, session.email, session.token_hash);
    },
  );

  api.post(
    '/api/account/totp/replace/confirm',
    {
      schema: {
        tags,
        summary: 'Finish replacing the authenticator app with a code from the new one; other sessions end',
        body: totpConfirmRequestSchema,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      await ctx.totpEnrollment.replaceConfirm(session.account_id, request.body.code, session.token_hash, request.ip);
      return reply.status(204).send(null);
    },
  );
}
