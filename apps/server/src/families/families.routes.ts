// HTTP API of family separation and reunification: /api/families…
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  familyCreateSchema,
  familyLinkSchema,
  familyListSchema,
  familyMemberCreateSchema,
  familyMemberUpdateSchema,
  familySchema,
  planStepCreateSchema,
  planStepDoneSchema,
  reunifySchema,
  tracingCreateSchema,
  tracingUpdateSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createHouseholdsService } from '../households/households.service.ts';
import { createCasesService } from '../cases/cases.service.ts';
import { createCasePlanService } from '../cases/case-plan.service.ts';
import { createFamiliesService } from './families.service.ts';

export function registerFamilyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const cases = createCasesService(deps);
  const families = createFamiliesService({
    ...deps,
    households: createHouseholdsService(deps),
    cases,
    casePlan: createCasePlanService(deps, cases),
  });
  const tags = ['families'];
  const id = z.object({ id: z.string().uuid() });
  const member = z.object({ id: z.string().uuid(), memberId: z.string().uuid() });
  const tracing = z.object({ id: z.string().uuid(), tracingId: z.string().uuid() });
  const step = z.object({ id: z.string().uuid(), stepId: z.string().uuid() });
  const one = { 200: familySchema, ...commonErrorResponses };
  const created = { 201: familySchema, ...commonErrorResponses };
  const meta = (request: { ip: string }) => ({ ip: request.ip });

  api.post(
    '/api/families',
    {
      schema: {
        tags,
        summary: 'Open a family file (optionally from a household: its members join)',
        body: familyCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await families.create(await authOf(request).actor(), request.body, meta(request))),
  );
  api.get(
    '/api/families',
    {
      schema: {
        tags,
        summary: 'Family files in my scope, newest first, a page at a time by cursor',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: familyListSchema, ...commonErrorResponses },
      },
    },
    async (request) => families.list(await authOf(request).actor(), request.query, meta(request)),
  );
  api.get(
    '/api/families/:id',
    {
      schema: {
        tags,
        summary: "The family view: members (partners' records only where sharing and consent allow), tracing, plan",
        params: id,
        response: one,
      },
    },
    async (request) => families.get(await authOf(request).actor(), request.params.id, meta(request)),
  );
  api.post(
    '/api/families/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a separated family member: who, where, since when, which authority holds them',
        params: id,
        body: familyMemberCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await families.addMember(await authOf(request).actor(), request.params.id, request.body, meta(request))),
  );
  api.post(
    '/api/families/:id/links',
    {
      schema: {
        tags,
        summary:
          "Link a partner organisation's person record (needs sharing for search and the person's sharing consent)",
        params: id,
        body: familyLinkSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await families.link(await authOf(request).actor(), request.params.id, request.body, meta(request))),
  );
  api.put(
    '/api/families/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: "Update a member's status, location, holding authority or guardian",
        params: member,
        body: familyMemberUpdateSchema,
        response: one,
      },
    },
    async (request) =>
      families.updateMember(
        await authOf(request).actor(),
        request.params.id,
        request.params.memberId,
        request.body,
        meta(request),
      ),
  );
  api.post(
    '/api/families/:id/members/:memberId/case',
    {
      schema: {
        tags,
        summary: "Open a child member's case with the best-interests determination steps",
        params: member,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await families.openChildCase(
            await authOf(request).actor(),
            request.params.id,
            request.params.memberId,
            meta(request),
          ),
        ),
  );
  api.post(
    '/api/families/:id/tracing',
    {
      schema: {
        tags,
        summary: 'Open a tracing request for a member',
        params: id,
        body: tracingCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await families.addTracing(await authOf(request).actor(), request.params.id, request.body, meta(request))),
  );
  api.post(
    '/api/families/:id/tracing/:tracingId',
    {
      schema: {
        tags,
        summary: 'Close a tracing request (located or not found)',
        params: tracing,
        body: tracingUpdateSchema,
        response: one,
      },
    },
    async (request) =>
      families.closeTracing(
        await authOf(request).actor(),
        request.params.id,
        request.params.tracingId,
        request.body,
        meta(request),
      ),
  );
  api.post(
    '/api/families/:id/plan',
    {
      schema: {
        tags,
        summary: 'Add a step to the reunification plan',
        params: id,
        body: planStepCreateSchema,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await families.addStep(await authOf(request).actor(), request.params.id, request.body, meta(request))),
  );
  api.post(
    '/api/families/:id/plan/:stepId/done',
    { schema: { tags, summary: 'Mark a plan step done', params: step, body: planStepDoneSchema, response: one } },
    async (request) =>
      families.stepDone(
        await authOf(request).actor(),
        request.params.id,
        request.params.stepId,
        request.body.doneOn,
        meta(request),
      ),
  );
  api.post(
    '/api/families/:id/reunify',
    {
      schema: {
        tags,
        summary: 'Complete the reunification (every plan step done)',
        params: id,
        body: reunifySchema,
        response: one,
      },
    },
    async (request) => families.reunify(await authOf(request).actor(), request.params.id, request.body, meta(request)),
  );
}
