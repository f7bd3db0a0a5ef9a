// HTTP API of the person record. Handlers only translate HTTP to the service; the service
// decides (policy), encrypts, audits and writes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentCreateSchema,
  duplicateCandidateSchema,
  consentSchema,
  personCreateSchema,
  personExportSchema,
  personListQuerySchema,
  personListResponseSchema,
  personSchema,
  personUpdateSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createPeopleService } from './people.service.ts';
import { findLikelyDuplicates } from './duplicate-check.ts';

export function registerPeopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const people = createPeopleService({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock });
  const tags = ['people'];
  const idParams = z.object({ id: z.string().uuid() });

  api.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Register a person (encrypted at rest)',
        body: personCreateSchema,
        response: { 201: personSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await authOf(request).actor();
      return reply.status(201).send(await people.create(actor, request.body, { ip: request.ip }));
    },
  );

  api.post(
    '/api/people/duplicate-check',
    {
      schema: {
        tags,
        summary: 'Before registering: likely existing records of the same person, with the reasons',
        body: personCreateSchema,
        response: { 200: z.object({ items: z.array(duplicateCandidateSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await findLikelyDuplicates(
        { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit },
        await authOf(request).actor(),
        request.body,
        { ip: request.ip },
      ),
    }),
  );

  api.get(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'List people, or search them by name, alias or document number (tolerant of spelling), best matches first',
        querystring: personListQuerySchema,
        response: { 200: personListResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => people.list(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: "A person's record (the read is audited)",
        params: idParams,
        response: { 200: personSchema, ...commonErrorResponses },
      },
    },
    async (request) => people.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person (send the version you read; 409 record.conflict when someone changed it meanwhile)',
        params: idParams,
        body: personUpdateSchema,
        response: { 200: personSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      people.update(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.delete(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: "Delete a person's personal data (an audit stub remains)",
        params: idParams,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await people.remove(await authOf(request).actor(), request.params.id, { ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/people/:id/export',
    {
      schema: {
        tags,
        summary: 'Everything held about a person (their right of access)',
        params: idParams,
        response: { 200: personExportSchema, ...commonErrorResponses },
      },
    },
    async (request) => people.exportPerson(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/people/:id/consents',
    {
      schema: {
        tags,
        summary: "A person's consents per purpose",
        params: idParams,
        response: { 200: z.object({ items: z.array(consentSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ items: await people.consents.forPerson(await authOf(request).actor(), request.params.id) }),
  );

  api.post(
    '/api/people/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent for one purpose',
        params: idParams,
        body: consentCreateSchema,
        response: { 201: consentSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await people.consents.record(await authOf(request).actor(), request.params.id, request.body, request.ip)),
  );

  api.post(
    '/api/people/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent (takes effect at once)',
        params: z.object({ id: z.string().uuid(), consentId: z.string().uuid() }),
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await people.consents.withdraw(
        await authOf(request).actor(),
        request.params.id,
        request.params.consentId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );
}
