// HTTP API of procedures and deadlines: /api/procedures…, the agenda, the iCal feed and the
// declared non-working days of the calendars.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agendaSchema,
  declaredDaySchema,
  procedureOverviewSchema,
  procedureCreateSchema,
  procedureSchema,
  procedureTimelineItemSchema,
  stageChangeSchema,
  stepCompleteSchema,
  stepTriggerSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createProceduresService } from './procedures.service.ts';
import { createAgendaService } from './agenda.service.ts';
import { createDeclaredDaysService } from './declared-days.service.ts';
import { registerFilingRoutes } from './filings.routes.ts';

export function registerProcedureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const procedures = createProceduresService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, keyring: ctx.keyring });
  const agenda = createAgendaService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, keyring: ctx.keyring });
  const declaredDays = createDeclaredDaysService({ db: ctx.db, audit: ctx.audit });
  const tags = ['procedures'];
  const idParams = z.object({ id: z.string().uuid() });
  const stepParams = z.object({ id: z.string().uuid(), step: z.string().min(1).max(60) });
  const ok = (schema: z.ZodType) => ({ 200: schema, ...commonErrorResponses });
  registerFilingRoutes(app, ctx, procedures);

  api.post(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: "Open a legal procedure on a person's file",
        body: procedureCreateSchema,
        response: { 201: procedureSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await procedures.create(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/procedures/overview',
    {
      schema: {
        tags,
        summary:
          "The organisation's deadlines by lawyer and by procedure type, and every overdue step (coordinators, admins)",
        response: ok(procedureOverviewSchema),
      },
    },
    async (request) => agenda.overview(await authOf(request).actor()),
  );

  api.get(
    '/api/procedures/:id',
    {
      schema: {
        tags,
        summary: 'A procedure with every step, deadline and status',
        params: idParams,
        response: ok(procedureSchema),
      },
    },
    async (request) => procedures.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/procedures/:id/timeline',
    {
      schema: {
        tags,
        summary:
          'What happened in the procedure, oldest first: opened, steps set and done, dates recomputed, stages (from the audit log)',
        params: idParams,
        response: ok(z.object({ items: z.array(procedureTimelineItemSchema) })),
      },
    },
    async (request) => ({
      items: await procedures.timeline(await authOf(request).actor(), request.params.id, { ip: request.ip }),
    }),
  );

  api.get(
    '/api/people/:id/procedures',
    {
      schema: {
        tags,
        summary: "The procedures on a person's file",
        params: idParams,
        response: ok(z.object({ items: z.array(procedureSchema) })),
      },
    },
    async (request) => ({
      items: await procedures.listForPerson(await authOf(request).actor(), request.params.id),
    }),
  );

  api.put(
    '/api/procedures/:id/steps/:step',
    {
      schema: {
        tags,
        summary: 'Enter the date that triggers a step; its deadline is computed from the law',
        params: stepParams,
        body: stepTriggerSchema,
        response: ok(procedureSchema),
      },
    },
    async (request) =>
      procedures.setTrigger(await authOf(request).actor(), request.params.id, request.params.step, request.body, {
        ip: request.ip,
      }),
  );

  api.post(
    '/api/procedures/:id/steps/:step/complete',
    {
      schema: {
        tags,
        summary: 'Record that a step was done (filed, received…)',
        params: stepParams,
        body: stepCompleteSchema,
        response: ok(procedureSchema),
      },
    },
    async (request) =>
      procedures.complete(
        await authOf(request).actor(),
        request.params.id,
        request.params.step,
        request.body.completedOn,
        { ip: request.ip },
      ),
  );

  api.put(
    '/api/procedures/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move the procedure to another stage',
        params: idParams,
        body: stageChangeSchema,
        response: ok(procedureSchema),
      },
    },
    async (request) =>
      procedures.moveStage(await authOf(request).actor(), request.params.id, request.body.stage, request.body.version, {
        ip: request.ip,
      }),
  );

  api.get(
    '/api/agenda',
    {
      schema: {
        tags,
        summary: 'Deadlines: overdue, due this week, at risk, upcoming',
        querystring: z.strictObject({ scope: z.enum(['mine', 'organisation']).default('mine') }),
        response: ok(agendaSchema),
      },
    },
    async (request) => agenda.agenda(await authOf(request).actor(), request.query.scope),
  );

  api.post(
    '/api/agenda/feed',
    {
      schema: {
        tags,
        summary: 'Issue a new secret iCal feed URL (the old one stops working)',
        response: ok(z.object({ url: z.string() })),
      },
    },
    async (request) => {
      const token = await agenda.issueFeedToken(await authOf(request).actor());
      return { url: `/api/ical/${token}.ics` };
    },
  );

  api.delete(
    '/api/agenda/feed',
    { schema: { tags, summary: 'Revoke the iCal feed URL', response: { 204: z.null(), ...commonErrorResponses } } },
    async (request, reply) => {
      await agenda.revokeFeed(await authOf(request).actor());
      return reply.status(204).send(null);
    },
  );

  // Public by design: calendar apps cannot log in. The unguessable token is the credential.
  app.get('/api/ical/:file', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const body = /^[A-Za-z0-9_-]{20,64}\.ics$/.test(file) ? await agenda.feed(file.slice(0, -4)) : undefined;
    if (!body) return reply.status(404).type('text/plain').send('not found');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  });

  api.get(
    '/api/calendars/:calendarId/declared-days',
    {
      schema: {
        tags,
        summary: 'Non-working days declared by authorities for a calendar',
        params: z.object({ calendarId: z.string().max(60) }),
        response: ok(z.object({ items: z.array(declaredDaySchema) })),
      },
    },
    async (request) => ({ items: await declaredDays.list(request.params.calendarId) }),
  );

  api.post(
    '/api/calendars/:calendarId/declared-days',
    {
      schema: {
        tags,
        summary: 'Add a declared non-working day (with its source); open deadlines on that calendar are recomputed',
        params: z.object({ calendarId: z.string().max(60) }),
        body: declaredDaySchema,
        response: ok(z.object({ recomputed: z.number().int(), moved: z.number().int() })),
      },
    },
    async (request) =>
      declaredDays.add(await authOf(request).actor(), request.params.calendarId, request.body, { ip: request.ip }),
  );
}
