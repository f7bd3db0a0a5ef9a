// HTTP API of missing-person reports, found records and the review queue. Handlers only translate
// HTTP to the services; the services decide (policy), encrypt, match, audit and write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import {
  candidateListQuerySchema,
  candidateReviewSchema,
  foundRecordCreatedSchema,
  foundRecordCreateSchema,
  foundRecordSchema,
  matchCandidateSchema,
  matchRunSchema,
  matchSettingsSchema,
  missingReportCreatedSchema,
  missingReportCreateSchema,
  missingReportSchema,
  missingReportSummarySchema,
  missingReportStatusChangeSchema,
  foundRecordStatusChangeSchema,
  notificationSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
} from '@acompana/core';
import { createMatchingService } from './matching.service.ts';
import { createMissingService } from './missing.service.ts';
import { createReviewService } from './review.service.ts';
import { createTracingService } from './tracing.service.ts';
import { registerTracingRoutes } from './tracing.routes.ts';
import { createMissingPhotoService } from './photo-service.ts';
import { registerMissingPhotoRoutes } from './photo-routes.ts';
import { registerAmPmRoutes } from './ampm-routes.ts';

export function registerMissingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const matching = createMatchingService(base);
  const missing = createMissingService({ ...base, matching });
  const reviews = createReviewService({ ...base, matching, missing });
  registerTracingRoutes(app, createTracingService({ ...base, matching, missing }));
  registerMissingPhotoRoutes(app, createMissingPhotoService({ ...base, missing }));
  // Ante-mortem and post-mortem records, the side by side and the forensic workflow (decision 0147).
  registerAmPmRoutes(app, { ...base, matching, missing });
  const tags = ['missing'];
  const idParams = z.object({ id: z.string().uuid() });
  const ok = (schema: z.ZodType) => ({ 200: schema, ...commonErrorResponses });

  api.post(
    '/api/missing/reports',
    {
      schema: {
        tags,
        summary:
          'Register a missing-person report; it is matched at once against every record the organisation may search',
        body: missingReportCreateSchema,
        response: { 201: missingReportCreatedSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await missing.createReport(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/missing/reports',
    {
      schema: {
        tags,
        summary: 'Reports of the organisation, newest first',
        response: ok(z.object({ items: z.array(missingReportSummarySchema) })),
      },
    },
    async (request) => missing.listReports(await authOf(request).actor(), { ip: request.ip }),
  );

  api.get(
    '/api/missing/reports/:id',
    {
      schema: { tags, summary: 'A report (the read is audited)', params: idParams, response: ok(missingReportSchema) },
    },
    async (request) => missing.getReport(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/missing/reports/:id/candidates',
    {
      schema: {
        tags,
        summary:
          "The report's review queue: both records side by side with the explanation (a partner's record only with the fields its sharing allows, listed in sharedFields)",
        params: idParams,
        querystring: candidateListQuerySchema,
        response: ok(z.object({ items: z.array(matchCandidateSchema) })),
      },
    },
    async (request) =>
      reviews.listForReport(await authOf(request).actor(), request.params.id, request.query.status, { ip: request.ip }),
  );

  api.post(
    '/api/missing/reports/:id/rematch',
    {
      schema: {
        tags,
        summary: 'Match the report again (pairs already reviewed are never proposed again)',
        params: idParams,
        response: ok(matchRunSchema),
      },
    },
    async (request) => missing.rematch(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/missing/candidates',
    {
      schema: {
        tags,
        summary:
          "The organisation's review queue: candidates of every report the reader may read, by status (pending by default), best score first, by cursor",
        querystring: reviewQueueQuerySchema,
        response: ok(reviewQueueSchema),
      },
    },
    async (request) => reviews.queue(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/missing/candidates/:id',
    {
      schema: {
        tags,
        summary: 'One candidate: both records side by side with the explanation and photos (the read is audited)',
        params: idParams,
        response: ok(matchCandidateSchema),
      },
    },
    async (request) => reviews.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/missing/candidates/:id/review',
    {
      schema: {
        tags,
        summary:
          "Confirm, reject or ask for more information. Where the organisation requires a second person, the first confirmation only proposes and a different account confirms; a confirmation notifies the report's case owner (never the family) and the organisation holding the record",
        params: idParams,
        body: candidateReviewSchema,
        response: ok(matchCandidateSchema),
      },
    },
    async (request) =>
      reviews.review(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/missing/candidates/:id/withdraw',
    {
      schema: {
        tags,
        summary:
          'Withdraw my proposal to confirm a match while it awaits the second confirmation (the pair is pending again)',
        params: idParams,
        response: ok(matchCandidateSchema),
      },
    },
    async (request) => reviews.withdraw(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/missing/settings',
    {
      schema: {
        tags,
        summary: "The organisation's rule for confirming matches: which need a second person (default: remains)",
        response: ok(matchSettingsSchema),
      },
    },
    async (request) => reviews.settings(await authOf(request).actor()),
  );

  api.put(
    '/api/missing/settings',
    {
      schema: {
        tags,
        summary: 'Change which match confirmations need a second person (administrators; audited)',
        body: matchSettingsSchema,
        response: ok(matchSettingsSchema),
      },
    },
    async (request) => reviews.updateSettings(await authOf(request).actor(), request.body, request.ip),
  );

  api.post(
    '/api/missing/found',
    {
      schema: {
        tags,
        summary: 'Register a person found alive or unidentified remains; matched against the open reports',
        body: foundRecordCreateSchema,
        response: { 201: foundRecordCreatedSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await missing.createFound(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/missing/found',
    {
      schema: {
        tags,
        summary: 'Found records of the organisation, newest first',
        response: ok(z.object({ items: z.array(foundRecordSchema) })),
      },
    },
    async (request) => missing.listFound(await authOf(request).actor(), { ip: request.ip }),
  );

  api.get(
    '/api/missing/found/:id',
    {
      schema: {
        tags,
        summary: 'A found record (the read is audited)',
        params: idParams,
        response: ok(foundRecordSchema),
      },
    },
    async (request) => missing.getFound(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/missing/reports/:id/status',
    {
      schema: {
        tags,
        summary:
          'Change the status of a report (located alive or deceased, closed, reopened); only open reports are matched',
        params: idParams,
        body: missingReportStatusChangeSchema,
        response: ok(missingReportSchema),
      },
    },
    async (request) =>
      missing.changeStatus(await authOf(request).actor(), 'report', request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  api.post(
    '/api/missing/found/:id/status',
    {
      schema: {
        tags,
        summary: 'Change the status of a found record (identified, returned to family)',
        params: idParams,
        body: foundRecordStatusChangeSchema,
        response: ok(foundRecordSchema),
      },
    },
    async (request) =>
      missing.changeStatus(await authOf(request).actor(), 'found', request.params.id, request.body, { ip: request.ip }),
  );

  api.get(
    '/api/missing/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications in the active organisation (confirmed matches on my reports)',
        response: ok(z.object({ items: z.array(notificationSchema) })),
      },
    },
    async (request) => reviews.notifications(await authOf(request).actor()),
  );
}
