// GET /api/people/:id/plan-proposal: the case plan proposed from the flags and the profile.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planProposalSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { planProposalFor } from './plan-proposal.ts';

export function registerPlanProposalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/people/:id/plan-proposal',
    {
      schema: {
        tags: ['cases'],
        summary: 'The case plan proposed from the screening flags and the differentiated profile, by due date',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: planProposalSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      planProposalFor(
        { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock },
        await authOf(request).actor(),
        request.params.id,
        { ip: request.ip },
      ),
  );
}
