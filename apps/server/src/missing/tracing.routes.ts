// HTTP API of tracing across organisations and of the family's consent to trace (decision 0121).
// Registered by missing.routes.ts; handlers only translate HTTP to the tracing service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  missingReportSchema,
  traceConsentSchema,
  tracingAcceptSchema,
  tracingPartnerSchema,
  tracingRequestCreateSchema,
  tracingListQuerySchema,
  tracingListSchema,
  tracingRequestSchema,
  tracingRequestSummarySchema,
} from '@acompana/core';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import type { TracingService } from './tracing.service.ts';

export function registerTracingRoutes(app: FastifyInstance, tracing: TracingService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['missing'];
  const idParams = z.object({ id: z.string().uuid() });
  const ok = (schema: z.ZodType) => ({ 200: schema, ...commonErrorResponses });
  const summaries = z.object({ items: z.array(tracingRequestSummarySchema) });

  api.put(
    '/api/missing/reports/:id/trace-consent',
    {
      schema: {
        tags,
        summary: "Record the family's consent to search with other organisations (who, relationship, how, when)",
        params: idParams,
        body: traceConsentSchema,
        response: ok(missingReportSchema),
      },
    },
    async (request) =>
      tracing.recordConsent(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.delete(
    '/api/missing/reports/:id/trace-consent',
    {
      schema: {
        tags,
        summary:
          'Withdraw that consent: takes effect at once (requests still waiting are withdrawn and their search fields erased)',
        params: idParams,
        response: ok(missingReportSchema),
      },
    },
    async (request) =>
      tracing.recordConsent(await authOf(request).actor(), request.params.id, null, { ip: request.ip }),
  );

  api.get(
    '/api/missing/reports/:id/tracing',
    { schema: { tags, summary: 'Tracing requests sent for a report', params: idParams, response: ok(summaries) } },
    async (request) => tracing.forReport(await authOf(request).actor(), request.params.id),
  );

  api.get(
    '/api/missing/tracing/partners',
    {
      schema: {
        tags,
        summary: 'Organisations a tracing request may be sent to (an active agreement for search or tracing)',
        response: ok(z.object({ items: z.array(tracingPartnerSchema) })),
      },
    },
    async (request) => tracing.partners(await authOf(request).actor()),
  );

  api.post(
    '/api/missing/tracing',
    {
      schema: {
        tags,
        summary:
          "Send a partner a search request with the report's minimal fields; returns opaque candidate references with a score band",
        body: tracingRequestCreateSchema,
        response: { 201: tracingRequestSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tracing.create(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/missing/tracing',
    {
      schema: {
        tags,
        summary: 'Tracing requests sent (outbox) or received (inbox), newest first, by cursor',
        querystring: tracingListQuerySchema,
        response: ok(tracingListSchema),
      },
    },
    async (request) => tracing.list(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/missing/tracing/:id',
    {
      schema: {
        tags,
        summary:
          'A tracing request: the requester sees references and shared details; the partner sees the search fields and its own candidate records (audited)',
        params: idParams,
        response: ok(tracingRequestSchema),
      },
    },
    async (request) => tracing.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/missing/tracing/:id/accept',
    {
      schema: {
        tags,
        summary: 'The partner accepts, choosing which references and which fields to share; the others are deleted',
        params: idParams,
        body: tracingAcceptSchema,
        response: ok(tracingRequestSchema),
      },
    },
    async (request) =>
      tracing.accept(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/missing/tracing/:id/decline',
    {
      schema: {
        tags,
        summary: 'The partner declines: the search fields and every reference are erased',
        params: idParams,
        response: ok(tracingRequestSchema),
      },
    },
    async (request) => tracing.decline(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );
}
