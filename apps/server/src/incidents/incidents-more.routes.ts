// HTTP API of the second incidents slice: edit an event, the map/timeline summary, partner
// exports (CSV with HXL hashtags, JSON), the redacted PDF for a complaint, and the
// protection-measures log for threats against defenders.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  incidentExportRequestSchema,
  incidentMapSummarySchema,
  incidentSchema,
  incidentSummaryQuerySchema,
  incidentUpdateSchema,
  protectionMeasureCreateSchema,
  protectionStageChangeSchema,
} from '@acompana/core';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import type { IncidentsDeps, IncidentsService } from './incidents.service.ts';
import { createIncidentEditService } from './incident-edit.service.ts';
import { createIncidentExportService } from './incident-export.service.ts';

export function registerMoreIncidentRoutes(
  app: FastifyInstance,
  deps: IncidentsDeps,
  incidents: IncidentsService,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const edit = createIncidentEditService(deps, incidents);
  const exports = createIncidentExportService(deps, incidents);
  const tags = ['incidents'];
  const idParams = z.object({ id: z.string().uuid() });
  const withEvent = { 200: incidentSchema, ...commonErrorResponses };

  api.get(
    '/api/incidents/summary',
    {
      schema: {
        tags,
        summary: 'Events and victims per state and per month (map and timeline); same filters as the list',
        querystring: incidentSummaryQuerySchema,
        response: { 200: incidentMapSummarySchema, ...commonErrorResponses },
      },
    },
    async (request) => incidents.summary(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.post(
    '/api/incidents/export',
    {
      schema: {
        tags,
        summary:
          'Partner export of chosen events: CSV with HXL hashtags or JSON; only shareable events, coarse fields only',
        body: incidentExportRequestSchema,
      },
    },
    async (request, reply) => {
      const out = await exports.partnerExport(await authOf(request).actor(), request.body, { ip: request.ip });
      return reply
        .header('content-disposition', `attachment; filename="incidents.${request.body.format}"`)
        .header('cache-control', 'no-store')
        .header('x-exported', String(out.exported))
        .header('x-skipped', String(out.skipped))
        .type(out.contentType)
        .send(out.body);
    },
  );

  api.patch(
    '/api/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Edit an event (version required; confidentiality, defenders flag, dates, place, narrative)',
        params: idParams,
        body: incidentUpdateSchema,
        response: withEvent,
      },
    },
    async (request) => edit.update(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.get(
    '/api/incidents/:id/report.pdf',
    {
      schema: {
        tags,
        summary: "Redacted PDF of the event for a complaint (victims' names and personal details removed)",
        params: idParams,
        querystring: z.strictObject({ lang: z.enum(['es', 'en']).default('es') }),
      },
    },
    async (request, reply) => {
      const pdf = await exports.report(await authOf(request).actor(), request.params.id, request.query.lang, {
        ip: request.ip,
      });
      return reply
        .header('content-disposition', 'attachment; filename="incident-report.pdf"')
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .send(pdf);
    },
  );

  api.post(
    '/api/incidents/:id/protection',
    {
      schema: {
        tags,
        summary: 'Record a protection measure (requested, granted, implemented…) for defenders or people at risk',
        params: idParams,
        body: protectionMeasureCreateSchema,
        response: { 201: incidentSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await edit.addMeasure(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
        ),
  );

  api.put(
    '/api/incidents/:id/protection/:measureId/stage',
    {
      schema: {
        tags,
        summary: 'Move a protection measure to its next stage (history kept with who and when)',
        params: z.object({ id: z.string().uuid(), measureId: z.string().uuid() }),
        body: protectionStageChangeSchema,
        response: withEvent,
      },
    },
    async (request) =>
      edit.changeMeasureStage(
        await authOf(request).actor(),
        request.params.id,
        request.params.measureId,
        request.body,
        { ip: request.ip },
      ),
  );
}
