// GET /api/screening/questionnaires, POST and GET /api/people/:id/screenings
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { questionnaires, screeningCreateSchema, screeningSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createScreeningService } from './screening.service.ts';

export function registerScreeningRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const screening = createScreeningService({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit });
  const tags = ['screening'];
  const idParams = z.object({ id: z.string().uuid() });

  // The questionnaires are public knowledge (no personal data): the form is built from them.
  api.get(
    '/api/screening/questionnaires',
    {
      schema: {
        tags,
        summary: 'Screening questionnaires (every shipped version)',
        response: { 200: z.object({ items: z.array(z.unknown()) }), ...commonErrorResponses },
      },
    },
    async () => ({
      items: [...questionnaires],
    }),
  );

  api.post(
    '/api/people/:id/screenings',
    {
      schema: {
        tags,
        summary: 'Record a screening; answers are checked and produce explained risk flags',
        params: idParams,
        body: screeningCreateSchema,
        response: { 201: screeningSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await screening.record(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
        ),
  );

  api.get(
    '/api/people/:id/screenings',
    {
      schema: {
        tags,
        summary: "A person's screenings with their flags",
        params: idParams,
        response: { 200: z.object({ items: z.array(screeningSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await screening.list(await authOf(request).actor(), request.params.id, { ip: request.ip }),
    }),
  );
}
