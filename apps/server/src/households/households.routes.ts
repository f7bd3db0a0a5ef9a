// HTTP API of households and travelling groups (/api/households) and a person's households
// (GET /api/people/:id/households). Handlers only translate HTTP to the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  householdAddMemberSchema,
  householdCreateSchema,
  householdListQuerySchema,
  householdListResponseSchema,
  householdResponsibleAdultSchema,
  householdSchema,
  householdUpdateSchema,
  householdVersionQuerySchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createHouseholdsService } from './households.service.ts';

export function registerHouseholdRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const households = createHouseholdsService({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock });
  const tags = ['households'];
  const idParams = z.object({ id: z.string().uuid() });
  const memberParams = z.object({ id: z.string().uuid(), personId: z.string().uuid() });
  const one = { 200: householdSchema, ...commonErrorResponses };

  api.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Create a household or travelling group with its members, relationships and responsible adults',
        body: householdCreateSchema,
        response: { 201: householdSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await households.create(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Households of the organisation, newest first (cursor pagination, filter by kind)',
        querystring: householdListQuerySchema,
        response: { 200: householdListResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => households.list(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/households/:id',
    {
      schema: { tags, summary: 'A household with its members (the read is audited)', params: idParams, response: one },
    },
    async (request) => households.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.patch(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: 'Change kind, label or notes (send the version you read)',
        params: idParams,
        body: householdUpdateSchema,
        response: one,
      },
    },
    async (request) =>
      households.update(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/households/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member (send the version you read)',
        params: idParams,
        body: householdAddMemberSchema,
        response: one,
      },
    },
    async (request) =>
      households.addMember(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.delete(
    '/api/households/:id/members/:personId',
    {
      schema: {
        tags,
        summary: 'Remove a member (?version=the version you read); the history is kept',
        params: memberParams,
        querystring: householdVersionQuerySchema,
        response: one,
      },
    },
    async (request) =>
      households.removeMember(
        await authOf(request).actor(),
        request.params.id,
        request.params.personId,
        request.query.version,
        { ip: request.ip },
      ),
  );

  api.put(
    '/api/households/:id/members/:personId/responsible-adult',
    {
      schema: {
        tags,
        summary: "Name (or clear) a member's responsible adult: an adult member of the same household",
        params: memberParams,
        body: householdResponsibleAdultSchema,
        response: one,
      },
    },
    async (request) =>
      households.setResponsibleAdult(
        await authOf(request).actor(),
        request.params.id,
        request.params.personId,
        request.body,
        { ip: request.ip },
      ),
  );

  api.get(
    '/api/people/:id/households',
    {
      schema: {
        tags,
        summary: 'The households a person belongs to now',
        params: idParams,
        response: { 200: z.object({ items: z.array(householdSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await households.forPerson(await authOf(request).actor(), request.params.id, { ip: request.ip }),
    }),
  );
}
