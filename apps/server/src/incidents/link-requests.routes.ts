// HTTP API of link requests (decision 0137) and of the place catalogue the incident forms search.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  eventLinkRequestSchema,
  incomingLinkRequestSchema,
  linkRequestCreateSchema,
  linkRequestLinkSchema,
  linkRequestStatuses,
  searchPlaces,
} from '@acompana/core';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import type { IncidentsDeps, IncidentsService } from './incidents.service.ts';
import { createLinkRequestsService } from './link-requests.service.ts';

const answer = z.object({ id: z.string(), status: z.enum(linkRequestStatuses) });
const placeSchema = z.object({
  id: z.string(),
  country: z.string(),
  level: z.enum(['state', 'municipality']),
  stateCode: z.string(),
  municipalityCode: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  stateName: z.string(),
  stateNameEn: z.string(),
});

export function registerLinkRequestRoutes(app: FastifyInstance, deps: IncidentsDeps, incidents: IncidentsService) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const requests = createLinkRequestsService(deps, incidents);
  const tags = ['incidents'];
  const idParams = z.object({ id: z.string().uuid() });

  api.get(
    '/api/places',
    {
      schema: {
        tags,
        summary:
          'Search the place catalogue by name: Mexican states and municipalities (INEGI), Central American departments (ISO 3166-2)',
        querystring: z.strictObject({
          q: z.string().trim().max(100),
          country: z
            .string()
            .regex(/^[A-Z]{2}(,[A-Z]{2})*$/)
            .optional(),
          state: z.string().max(6).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(placeSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => {
      await authOf(request).actor();
      const { q, country, state, limit } = request.query;
      return { items: searchPlaces({ q, countries: country?.split(','), stateCode: state, limit }) };
    },
  );

  api.post(
    '/api/incidents/:id/victims/:victimId/link-requests',
    {
      schema: {
        tags,
        summary:
          'Ask the caseworker of a person you may not see to link an anonymous victim (routed by the name given; you learn only that it was sent)',
        params: z.object({ id: z.string().uuid(), victimId: z.string().uuid() }),
        body: linkRequestCreateSchema,
        response: { 201: answer, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await requests.request(
            await authOf(request).actor(),
            request.params.id,
            request.params.victimId,
            request.body,
            { ip: request.ip },
          ),
        ),
  );

  api.get(
    '/api/incidents/:id/link-requests',
    {
      schema: {
        tags,
        summary: "The event's link requests and how each ended",
        params: idParams,
        response: { 200: z.object({ items: z.array(eventLinkRequestSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ items: await requests.forEvent(await authOf(request).actor(), request.params.id) }),
  );

  api.get(
    '/api/incident-link-requests',
    {
      schema: {
        tags,
        summary: 'Open link requests addressed to me: the name the victim gave, and when, where and what happened',
        response: { 200: z.object({ items: z.array(incomingLinkRequestSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ items: await requests.incoming(await authOf(request).actor()) }),
  );

  api.post(
    '/api/incident-link-requests/:id/link',
    {
      schema: {
        tags,
        summary: 'Link the victim to a person you look after, with their consent',
        params: idParams,
        body: linkRequestLinkSchema,
        response: { 200: answer, ...commonErrorResponses },
      },
    },
    async (request) =>
      requests.link(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/incident-link-requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a link request (the person is not one you look after, or did not consent)',
        params: idParams,
        response: { 200: answer, ...commonErrorResponses },
      },
    },
    async (request) => requests.decline(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );
}
