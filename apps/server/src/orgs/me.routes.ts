// GET /api/me and POST /api/me/active-org (organisation switcher).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { activeOrgRequestSchema, meSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { AppError } from '../kernel/errors.ts';
import { buildMe } from './me.ts';

export function registerMeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['me'];

  api.get(
    '/api/me',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'The logged-in account, its organisations and roles',
        response: { 200: meSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { session, memberships } = authOf(request);
      return buildMe(ctx.db, session, memberships);
    },
  );

  api.post(
    '/api/me/active-org',
    {
      schema: {
        tags,
        summary: 'Switch the organisation this session works in',
        body: activeOrgRequestSchema,
        response: { 200: meSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { session, memberships } = authOf(request);
      const target = memberships.find((m) => m.org_id === request.body.orgId);
      if (!target) throw new AppError('orgs.not_a_member', { field: 'orgId' });
      await ctx.audit.record({
        actorAccountId: session.account_id,
        actorOrgId: target.org_id,
        action: 'session.switch_org',
        recordType: 'account',
        recordId: session.account_id,
        orgId: target.org_id,
        ip: request.ip,
      });
      await ctx.db.query('UPDATE sessions SET active_org_id = $1 WHERE token_hash = $2', [
        target.org_id,
        session.token_hash,
      ]);
      return buildMe(ctx.db, { ...session, active_org_id: target.org_id }, memberships);
    },
  );
}
