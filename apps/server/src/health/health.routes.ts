// GET /api/health: is the server up and its database reachable.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: healthResponseSchema, ...commonErrorResponses },
      },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      // Whether reads use a streaming replica, or fell back to the primary (no detail: public route).
      return { status: 'ok' as const, database: ctx.db.kind, replica: ctx.reads.state().replica, version: ctx.version };
    },
  );
}
