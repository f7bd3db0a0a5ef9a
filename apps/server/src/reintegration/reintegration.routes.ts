// HTTP API of return and reintegration (/api/reintegration/…) and consular help
// (/api/consular-requests…). Handlers translate HTTP to the services; the services decide.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentSchema,
  consularCreateSchema,
  consularListQuerySchema,
  consularListSchema,
  consularOutcomeSchema,
  consularRequestSchema,
  followUpListQuerySchema,
  followUpListSchema,
  followUpRecordSchema,
  followUpSchema,
  planExternalReferralCreateSchema,
  planReferralCreateSchema,
  receptionCreateSchema,
  receptionListQuerySchema,
  receptionListSchema,
  receptionSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createReferralsService } from '../referrals/referrals.service.ts';
import { createReintegrationService } from './reintegration.service.ts';
import { createConsularService } from './consular.service.ts';
import { personFamilies, personFamiliesSchema } from './person-families.ts';

export function registerReintegrationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const service = createReintegrationService({ ...deps, referrals: createReferralsService(deps) });
  const consular = createConsularService(deps);
  const tags = ['reintegration'];
  const idParams = z.object({ id: z.string().uuid() });
  const one = { 200: receptionSchema, ...commonErrorResponses };
  const meta = (request: { ip: string }) => ({ ip: request.ip });

  api.post(
    '/api/reintegration/receptions',
    {
      schema: {
        tags,
        summary: 'Record the reception of a deported or returned person',
        body: receptionCreateSchema,
        response: { 201: receptionSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(await authOf(request).actor(), request.body, meta(request))),
  );
  api.get(
    '/api/reintegration/receptions',
    {
      schema: {
        tags,
        summary: 'Receptions in my scope, latest first',
        querystring: receptionListQuerySchema,
        response: { 200: receptionListSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.list(await authOf(request).actor(), request.query, meta(request)),
  );
  api.get(
    '/api/reintegration/receptions/:id',
    {
      schema: {
        tags,
        summary: 'A reception with its needs assessment, plan of referrals and follow-ups',
        params: idParams,
        response: one,
      },
    },
    async (request) => service.get(await authOf(request).actor(), request.params.id, meta(request)),
  );
  api.put(
    '/api/reintegration/receptions/:id/assessment',
    {
      schema: {
        tags,
        summary: 'Save the reintegration needs assessment; plans follow-ups at 30, 90 and 180 days',
        params: idParams,
        body: assessmentSchema,
        response: one,
      },
    },
    async (request) => service.assess(await authOf(request).actor(), request.params.id, request.body, meta(request)),
  );
  api.post(
    '/api/reintegration/receptions/:id/referrals',
    {
      schema: {
        tags,
        summary:
          'Refer the person for one need of the plan (needs their referral consent; the receiver sees only the fields chosen)',
        params: idParams,
        body: planReferralCreateSchema,
        response: { 201: receptionSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.refer(await authOf(request).actor(), request.params.id, request.body, meta(request))),
  );
  api.post(
    '/api/reintegration/receptions/:id/external-referrals',
    {
      schema: {
        tags,
        summary:
          'Record a referral of the plan made outside Acompaña (phone, letter, accompanied visit…) to any directory service',
        params: idParams,
        body: planExternalReferralCreateSchema,
        response: { 201: receptionSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.referExternal(await authOf(request).actor(), request.params.id, request.body, meta(request)),
        ),
  );
  api.get(
    '/api/reintegration/people/:id/families',
    {
      schema: {
        tags,
        summary: "The separated families a person belongs to: who stayed where (the person's page)",
        params: idParams,
        response: { 200: personFamiliesSchema, ...commonErrorResponses },
      },
    },
    async (request) => personFamilies(deps, await authOf(request).actor(), request.params.id, meta(request)),
  );
  api.get(
    '/api/reintegration/follow-ups',
    {
      schema: {
        tags,
        summary: 'Follow-ups in my scope: open (by due date), overdue or done',
        querystring: followUpListQuerySchema,
        response: { 200: followUpListSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.followUps(await authOf(request).actor(), request.query, meta(request)),
  );
  api.post(
    '/api/reintegration/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Record a follow-up: when it was done and how the person is doing',
        params: idParams,
        body: followUpRecordSchema,
        response: { 200: followUpSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      service.recordFollowUp(await authOf(request).actor(), request.params.id, request.body, meta(request)),
  );

  const ctags = ['consular'];
  api.post(
    '/api/consular-requests',
    {
      schema: {
        tags: ctags,
        summary: 'Record a consular notification or request',
        body: consularCreateSchema,
        response: { 201: consularRequestSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await consular.create(await authOf(request).actor(), request.body, meta(request))),
  );
  api.get(
    '/api/consular-requests',
    {
      schema: {
        tags: ctags,
        summary: 'Consular requests in my scope',
        querystring: consularListQuerySchema,
        response: { 200: consularListSchema, ...commonErrorResponses },
      },
    },
    async (request) => consular.list(await authOf(request).actor(), request.query, meta(request)),
  );
  api.post(
    '/api/consular-requests/:id/outcome',
    {
      schema: {
        tags: ctags,
        summary: 'Record the outcome of a consular request',
        params: idParams,
        body: consularOutcomeSchema,
        response: { 200: consularRequestSchema, ...commonErrorResponses },
      },
    },
    async (request) => consular.outcome(await authOf(request).actor(), request.params.id, request.body, meta(request)),
  );
}
