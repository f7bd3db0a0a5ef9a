// The owner's side of the account lifecycle (docs/decisions/0129-accounts-only-the-owner-controls.md):
// accepting an invitation, "forgot password" and the reset link, changing the password, recovery
// codes. The link routes are public (whoever holds the link is who the link is for); they take
// the token in the body, never in the URL.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  forgotPasswordRequestSchema,
  invitationInfoSchema,
  linkRequestSchema,
  loginResponseSchema,
  recoveryCodesRequestSchema,
  recoveryCodesSchema,
  recoveryCodesStatusSchema,
  resetInfoSchema,
  resetPasswordRequestSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { startSession } from './auth.routes.ts';
import { registerReauthRoutes } from './reauthentication.routes.ts';

const errors = {
  ...commonErrorResponses,
  410: errorResponseSchema,
  502: errorResponseSchema,
  503: errorResponseSchema,
};

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];
  registerReauthRoutes(app, ctx);

  api.post(
    '/api/account/invitation/inspect',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link is for (organisation, role, whether the address has an account)',
        body: linkRequestSchema,
        response: { 200: invitationInfoSchema, ...errors },
      },
    },
    async (request) => ctx.invitations.inspect(request.body.token),
  );

  api.post(
    '/api/account/invitation/accept',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation: choose a password (or sign in with the existing account); opens a session',
        body: acceptInvitationRequestSchema,
        response: { 200: loginResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = await ctx.invitations.accept({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      return startSession(ctx, reply, session);
    },
  );

  api.post(
    '/api/auth/password/forgot',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Send a reset link to this address if it has an account (the answer is the same either way)',
        body: forgotPasswordRequestSchema,
        response: { 202: z.object({}), ...errors },
      },
    },
    async (request, reply) => {
      await ctx.passwordResets.forgot(request.body.email, request.ip);
      return reply.status(202).send({});
    },
  );

  api.post(
    '/api/auth/password/reset/inspect',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'What a reset link needs besides the new password',
        body: linkRequestSchema,
        response: { 200: resetInfoSchema, ...errors },
      },
    },
    async (request) => ctx.passwordResets.inspect(request.body.token),
  );

  api.post(
    '/api/auth/password/reset',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Choose a new password with a reset link and the second factor; ends every session',
        body: resetPasswordRequestSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await ctx.passwordResets.reset({ ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  const ownerOf = (request: Parameters<typeof authOf>[0]) => {
    const { session } = authOf(request);
    return {
      accountId: session.account_id,
      email: session.email,
      sessionTokenHash: session.token_hash,
      ip: request.ip,
    };
  };

  api.post(
    '/api/account/password',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'Change the password (the current one is required); other sessions end',
        body: changePasswordRequestSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await ctx.accountSelf.changePassword(ownerOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/account/recovery-codes',
    {
      schema: {
        tags,
        summary: 'How many unused recovery codes are left',
        response: { 200: recoveryCodesStatusSchema, ...errors },
      },
    },
    async (request) => ({ remaining: await ctx.accountSelf.recoveryCodesLeft(authOf(request).session.account_id) }),
  );

  api.post(
    '/api/account/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Make ten new single-use recovery codes (shown once; the old ones stop working)',
        body: recoveryCodesRequestSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request) => ({ codes: await ctx.accountSelf.newCodes(ownerOf(request), request.body.password) }),
  );
}
