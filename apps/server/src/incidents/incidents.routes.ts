// HTTP API of incidents: /api/incidents… Handlers only translate HTTP to the services; the
// services decide (policy), encrypt, audit and write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actCreateSchema,
  complaintCreateSchema,
  complaintStatusChangeSchema,
  incidentCreateSchema,
  incidentListQuerySchema,
  incidentListResponseSchema,
  incidentSchema,
  institutions,
  perpetratorCreateSchema,
  victimCreateSchema,
  violationTypes,
  VIOLATION_VOCABULARY_VERSION,
  INSTITUTION_VOCABULARY_VERSION,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createIncidentsService } from './incidents.service.ts';
import { createIncidentPartsService } from './incident-parts.service.ts';
import { createEvidenceService } from './evidence.service.ts';
import { registerEvidenceRoutes } from './evidence.routes.ts';
import { registerMoreIncidentRoutes } from './incidents-more.routes.ts';
import { registerLinkRequestRoutes } from './link-requests.routes.ts';

export function registerIncidentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit };
  const incidents = createIncidentsService(deps);
  const parts = createIncidentPartsService(deps, incidents);
  const tags = ['incidents'];
  const idParams = z.object({ id: z.string().uuid() });
  const created = { 201: incidentSchema, ...commonErrorResponses };
  const term = z.object({
    key: z.string(),
    parent: z.string().nullable(),
    label: z.object({ es: z.string(), en: z.string() }),
    definition: z.object({ es: z.string(), en: z.string() }),
  });

  api.get(
    '/api/incidents/vocabulary',
    {
      schema: {
        tags,
        summary: 'The controlled vocabularies: violation types and perpetrator institutions (with versions)',
        response: {
          200: z.object({
            violationTypes: z.object({ version: z.number(), terms: z.array(term) }),
            institutions: z.object({ version: z.number(), terms: z.array(term) }),
          }),
          ...commonErrorResponses,
        },
      },
    },
    async () => ({
      violationTypes: { version: VIOLATION_VOCABULARY_VERSION, terms: [...violationTypes] },
      institutions: { version: INSTITUTION_VOCABULARY_VERSION, terms: [...institutions] },
    }),
  );

  api.post(
    '/api/incidents',
    {
      schema: {
        tags,
        summary: 'Document an event (title and narrative encrypted)',
        body: incidentCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await incidents.create(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/incidents',
    {
      schema: {
        tags,
        summary: 'Events, newest first; filter by act type, perpetrator institution (rolls up), state, month',
        querystring: incidentListQuerySchema,
        response: { 200: incidentListResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => incidents.list(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/incidents/:id',
    {
      schema: {
        tags,
        summary: 'An event with its victims, perpetrators, acts, evidence and complaints',
        params: idParams,
        response: { 200: incidentSchema, ...commonErrorResponses },
      },
    },
    async (request) => incidents.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/incidents/:id/victims',
    {
      schema: {
        tags,
        summary: 'Add a victim: a linked person (with consent) or an anonymous count',
        params: idParams,
        body: victimCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await parts.addVictim(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
        ),
  );

  api.post(
    '/api/incidents/:id/perpetrators',
    {
      schema: {
        tags,
        summary: 'Add a perpetrator (institution, unit, individuals; "unknown" is valid)',
        params: idParams,
        body: perpetratorCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await parts.addPerpetrator(await authOf(request).actor(), request.params.id, request.body, {
          ip: request.ip,
        }),
      ),
  );

  api.post(
    '/api/incidents/:id/acts',
    {
      schema: {
        tags,
        summary: 'Add an act: who did what to whom',
        params: idParams,
        body: actCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await parts.addAct(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip })),
  );

  api.post(
    '/api/incidents/:id/complaints',
    {
      schema: {
        tags,
        summary: 'Record a complaint filed with an authority (file number encrypted)',
        params: idParams,
        body: complaintCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await parts.addComplaint(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
        ),
  );

  api.put(
    '/api/incidents/:id/complaints/:complaintId/status',
    {
      schema: {
        tags,
        summary: "Change a complaint's status (history kept)",
        params: z.object({ id: z.string().uuid(), complaintId: z.string().uuid() }),
        body: complaintStatusChangeSchema,
        response: { 200: incidentSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      parts.changeComplaintStatus(
        await authOf(request).actor(),
        request.params.id,
        request.params.complaintId,
        request.body,
        { ip: request.ip },
      ),
  );

  registerEvidenceRoutes(app, createEvidenceService(deps, incidents));
  registerMoreIncidentRoutes(app, deps, incidents);
  registerLinkRequestRoutes(app, deps, incidents);
}
