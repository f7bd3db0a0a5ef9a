// HTTP API of cases: open, read, change (with the version read), close and reopen with a reason,
// plan tasks, notes, attachments and the timeline. Handlers only translate HTTP to the services.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseAssigneesSchema,
  caseAttachmentSchema,
  caseCreateSchema,
  caseListQuerySchema,
  caseListResponseSchema,
  caseNoteCreateSchema,
  caseNoteSchema,
  caseReasonSchema,
  caseSchema,
  caseTaskCreateSchema,
  caseTaskSchema,
  caseTaskUpdateSchema,
  caseTimelineItemSchema,
  caseUpdateSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../kernel/errors.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createCasesService } from './cases.service.ts';
import { createCasePlanService } from './case-plan.service.ts';
import { createCaseTimeline } from './case-timeline.ts';
import { registerPlanProposalRoutes } from './plan-proposal.routes.ts';
import { attachmentDisposition, uploadedFileName } from '../kernel/http/file-names.ts';

/** Largest attachment, bytes (ACOMPANA_CASE_ATTACHMENT_MAX_MB overrides; default 20 MB). */
export const caseAttachmentMaxBytes = Math.round(
  Number(process.env.ACOMPANA_CASE_ATTACHMENT_MAX_MB || 20) * 1024 * 1024,
);
/** A note request may be large enough to say clearly that the note is too long (a 10 MB paste). */
const NOTE_BODY_LIMIT = 16 * 1024 * 1024;

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const cases = createCasesService(deps);
  const plan = createCasePlanService(deps, cases);
  const timeline = createCaseTimeline(deps, cases);
  const tags = ['cases'];
  const idParams = z.object({ id: z.string().uuid() });
  registerPlanProposalRoutes(app, ctx);
  const actorOf = (request: Parameters<typeof authOf>[0]) => authOf(request).actor();

  api.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary:
          'Open a case for a person or a household (an unaccompanied child’s case starts with best-interests tasks)',
        body: caseCreateSchema,
        response: { 201: caseSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.open(await actorOf(request), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary:
          'Cases by status, worker, team, flag, nationality, opening date or name (tolerant), newest first, by cursor',
        querystring: caseListQuerySchema,
        response: { 200: caseListResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => cases.list(await actorOf(request), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/cases/assignees',
    {
      schema: {
        tags,
        summary: 'Who may hold a case in the organisation, and its teams',
        response: { 200: caseAssigneesSchema, ...commonErrorResponses },
      },
    },
    async (request) => cases.assignees(await actorOf(request)),
  );

  api.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case with its plan (the read is audited)',
        params: idParams,
        response: { 200: caseSchema, ...commonErrorResponses },
      },
    },
    async (request) => cases.get(await actorOf(request), request.params.id, { ip: request.ip }),
  );

  api.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change status, assignee or team (send the version read; 409 record.conflict names what changed)',
        params: idParams,
        body: caseUpdateSchema,
        response: { 200: caseSchema, ...commonErrorResponses },
      },
    },
    async (request) => cases.update(await actorOf(request), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/cases/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a case with a reason (encrypted)',
        params: idParams,
        body: caseReasonSchema,
        response: { 200: caseSchema, ...commonErrorResponses },
      },
    },
    async (request) => cases.close(await actorOf(request), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/cases/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed case with a reason (encrypted)',
        params: idParams,
        body: caseReasonSchema,
        response: { 200: caseSchema, ...commonErrorResponses },
      },
    },
    async (request) => cases.reopen(await actorOf(request), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/cases/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a plan task (catalogue key or own words) with owner and due date',
        params: idParams,
        body: caseTaskCreateSchema,
        response: { 201: caseTaskSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plan.addTask(await actorOf(request), request.params.id, request.body, { ip: request.ip })),
  );

  api.patch(
    '/api/cases/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Complete a task, or change its owner or due date (send the task version read)',
        params: z.object({ id: z.string().uuid(), taskId: z.string().uuid() }),
        body: caseTaskUpdateSchema,
        response: { 200: caseTaskSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      plan.updateTask(await actorOf(request), request.params.id, request.params.taskId, request.body, {
        ip: request.ip,
      }),
  );

  api.get(
    '/api/cases/:id/notes',
    {
      schema: {
        tags,
        summary: 'Case notes, newest first (decrypted; the read is audited)',
        params: idParams,
        response: { 200: z.object({ items: z.array(caseNoteSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await plan.notes(await actorOf(request), request.params.id, { ip: request.ip }),
    }),
  );

  api.post(
    '/api/cases/:id/notes',
    {
      bodyLimit: NOTE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Add a case note (encrypted)',
        params: idParams,
        body: caseNoteCreateSchema,
        response: { 201: caseNoteSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plan.addNote(await actorOf(request), request.params.id, request.body, { ip: request.ip })),
  );

  api.get(
    '/api/cases/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened in the case, oldest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(caseTimelineItemSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await timeline(await actorOf(request), request.params.id, { ip: request.ip }),
    }),
  );

  api.get(
    '/api/cases/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attachments of the case',
        params: idParams,
        response: { 200: z.object({ items: z.array(caseAttachmentSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await plan.attachments(await actorOf(request), request.params.id),
    }),
  );

  api.get(
    '/api/cases/:id/attachments/:aid',
    {
      schema: {
        tags,
        summary: 'Download an attachment (decrypted, checked against its SHA-256)',
        params: z.object({ id: z.string().uuid(), aid: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const file = await plan.download(await actorOf(request), request.params.id, request.params.aid, {
        ip: request.ip,
      });
      return reply
        .header('content-disposition', attachmentDisposition(file.name))
        .header('cache-control', 'no-store')
        .header('x-content-sha256', file.sha256)
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: caseAttachmentMaxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/cases/:id/attachments',
      {
        bodyLimit: caseAttachmentMaxBytes,
        schema: {
          tags,
          summary:
            'Attach a file (raw bytes; x-file-name header): type checked by content, SHA-256 recorded, stored encrypted',
          params: idParams,
          response: { 201: caseAttachmentSchema, 415: errorResponseSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('cases.attachment_unsupported_type', {
            field: 'file',
            params: { type: String(request.headers['content-type'] ?? '') },
          });
        const file = {
          bytes: request.body,
          name: uploadedFileName(request.headers['x-file-name'], 'file'),
          claimedType: request.headers['content-type'],
        };
        return reply
          .status(201)
          .send(await plan.upload(await actorOf(request), request.params.id, file, { ip: request.ip }));
      },
    );
  });
}
