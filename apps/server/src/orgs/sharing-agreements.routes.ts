// HTTP API of sharing agreements (decision 0128), for the administration screen of the staff app.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sharingAgreementCreateSchema, sharingAgreementListSchema, sharingAgreementSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createSharingAgreementsService } from './sharing-agreements.service.ts';

export function registerSharingAgreementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const service = createSharingAgreementsService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  const tags = ['admin'];

  api.get(
    '/api/admin/sharing-agreements',
    {
      schema: {
        tags,
        summary:
          'Sharing agreements this organisation is a party to (either side), the purposes with the fields each shares, and possible partners',
        response: { 200: sharingAgreementListSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.list(await authOf(request).actor()),
  );

  api.post(
    '/api/admin/sharing-agreements',
    {
      schema: {
        tags,
        summary: "Share this organisation's records with a partner for the purposes named (audited)",
        body: sharingAgreementCreateSchema,
        response: { 201: sharingAgreementSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(await authOf(request).actor(), request.body, request.ip)),
  );

  api.post(
    '/api/admin/sharing-agreements/:id/revoke',
    {
      schema: {
        tags,
        summary: 'End an agreement at once, from either side (audited)',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: sharingAgreementSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.revoke(await authOf(request).actor(), request.params.id, request.ip),
  );
}
