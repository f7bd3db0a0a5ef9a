// The intake API (decision 0136): POST /api/intake registers people who arrived together in one
// step; "es la misma persona" links a partner's record (POST/GET/DELETE /api/people/:id/links) or
// merges what was typed into this organisation's record (POST /api/people/:id/merge).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  intakeCreateSchema,
  intakeResultSchema,
  personLinkCreateSchema,
  personLinkSchema,
  personMergeResultSchema,
  personMergeSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createPeopleService } from '../people/people.service.ts';
import { createPersonLinks, mergeIntoExisting } from '../people/person-links.ts';
import { createFamilyIntake } from './family-intake.ts';

export function registerIntakeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const intake = createFamilyIntake(deps);
  const links = createPersonLinks(deps);
  const people = createPeopleService(deps);
  const idParams = z.object({ id: z.string().uuid() });

  api.post(
    '/api/intake',
    {
      schema: {
        tags: ['people'],
        summary:
          'Register people who arrived together in one step: records, profiles, consents, household and arrival date',
        body: intakeCreateSchema,
        response: { 201: intakeResultSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await intake.register(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/people/:id/arrival',
    {
      schema: {
        tags: ['people'],
        summary: 'The date the person last arrived at the organisation',
        params: idParams,
        response: { 200: z.object({ arrivedOn: z.string().nullable() }), ...commonErrorResponses },
      },
    },
    async (request) => ({ arrivedOn: await intake.arrivalOf(await authOf(request).actor(), request.params.id) }),
  );

  api.get(
    '/api/people/:id/links',
    {
      schema: {
        tags: ['people'],
        summary: "Partners' records of the same person linked to this one (ids only; nothing copied)",
        params: idParams,
        response: { 200: z.object({ items: z.array(personLinkSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ items: await links.list(await authOf(request).actor(), request.params.id) }),
  );

  api.post(
    '/api/people/:id/links',
    {
      schema: {
        tags: ['people'],
        summary: "Es la misma persona: link a partner's record shared for search with the person's consent",
        params: idParams,
        body: personLinkCreateSchema,
        response: { 201: personLinkSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await links.link(await authOf(request).actor(), request.params.id, request.body.linkedPersonId, {
          ip: request.ip,
        }),
      ),
  );

  api.delete(
    '/api/people/:id/links/:linkId',
    {
      schema: {
        tags: ['people'],
        summary: 'Undo a link between two records (audited)',
        params: z.object({ id: z.string().uuid(), linkId: z.string().uuid() }),
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await links.unlink(await authOf(request).actor(), request.params.id, request.params.linkId, { ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags: ['people'],
        summary: 'Es la misma persona: what was typed at intake fills the blanks of this record (audited)',
        params: idParams,
        body: personMergeSchema,
        response: { 200: personMergeResultSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      mergeIntoExisting({ ...deps, people }, await authOf(request).actor(), request.params.id, request.body, {
        ip: request.ip,
      }),
  );
}
