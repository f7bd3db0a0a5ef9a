// GET /api/me/capabilities (what the staff app may show, decision 0134) and PUT /api/me/locale
// (the account's interface language, remembered across devices).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capabilitiesSchema, localeRequestSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { orgTimeZone } from '../procedures/procedures.queries.ts';
import { capabilitiesOf } from './capabilities.ts';

export function registerCapabilityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['me'];

  api.get(
    '/api/me/capabilities',
    {
      schema: {
        tags,
        summary: 'What the account may see and do in its active organisation (for the interface only)',
        response: { 200: capabilitiesSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      const timeZone = actor.orgId ? await orgTimeZone(ctx.db, actor.orgId) : 'America/Mexico_City';
      return capabilitiesOf(actor, timeZone);
    },
  );

  api.put(
    '/api/me/locale',
    {
      // Even an account that must still set up two-factor chooses the language it reads that in.
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: "Remember the account's interface language",
        body: localeRequestSchema,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      await ctx.db.query('UPDATE accounts SET locale = $1 WHERE id = $2', [request.body.locale, session.account_id]);
      return reply.status(204).send(null);
    },
  );
}
