// HTTP API of referrals: /api/referrals… Handlers only translate HTTP to the services; the
// services decide (policy, consent), encrypt, audit, notify and write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import {
  referralCloseSchema,
  referralCompleteSchema,
  referralCreateSchema,
  referralDeclineSchema,
  referralListQuerySchema,
  referralListResponseSchema,
  referralPreviewQuerySchema,
  referralPreviewSchema,
  referralRedirectSchema,
  referralSchema,
  externalReferralAnswerSchema,
  externalReferralCreateSchema,
  externalReferralListQuerySchema,
  externalReferralListSchema,
  externalReferralSchema,
  referralOptionsQuerySchema,
  referralOptionsSchema,
} from '@acompana/core';
import { createReferralsService } from './referrals.service.ts';
import { createReferralAnswers } from './referral-answers.ts';
import { createExternalReferrals } from './external-referrals.service.ts';
import { createReferralOptions, directoryPlaces } from './referral-options.ts';
// Says what referral and reintegration notifications are about (registers at load).
import './referral-notifications.ts';

export function registerReferralRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const referrals = createReferralsService(deps);
  const answers = createReferralAnswers(deps, referrals);
  const tags = ['referrals'];
  const idParams = z.object({ id: z.string().uuid() });
  const one = { 200: referralSchema, ...commonErrorResponses };
  const external = createExternalReferrals(deps);
  const options = createReferralOptions(deps);

  api.get(
    '/api/referrals/options',
    {
      schema: {
        tags,
        summary:
          "Directory services for one person's need: those the person is eligible for, nearest to where they are staying first",
        querystring: referralOptionsQuerySchema,
        response: { 200: referralOptionsSchema, ...commonErrorResponses },
      },
    },
    async (request) => options.forPerson(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/referrals/places',
    {
      schema: {
        tags,
        summary: 'Places the directory knows (city, state, country), to say where a person is staying',
        response: {
          200: z.object({ items: z.array(z.object({ city: z.string(), state: z.string(), country: z.string() })) }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => {
      await authOf(request).actor();
      return { items: await directoryPlaces(ctx.db) };
    },
  );

  api.post(
    '/api/referrals/external',
    {
      schema: {
        tags,
        summary:
          'Record a referral made outside Acompaña (phone, letter, accompanied visit…) to any directory service; needs the referral consent',
        body: externalReferralCreateSchema,
        response: { 201: externalReferralSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await external.create(await authOf(request).actor(), request.body, null, { ip: request.ip })),
  );

  api.get(
    '/api/referrals/external',
    {
      schema: {
        tags,
        summary: "A person's external referrals and what became of them",
        querystring: externalReferralListQuerySchema,
        response: { 200: externalReferralListSchema, ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await external.listFor(await authOf(request).actor(), request.query.personId, { ip: request.ip }),
    }),
  );

  api.post(
    '/api/referrals/external/:id/answer',
    {
      schema: {
        tags,
        summary:
          'Record what became of an external referral: accepted, declined (with the reason), completed (outcome)',
        params: idParams,
        body: externalReferralAnswerSchema,
        response: { 200: externalReferralSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      external.answer(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Refer a person (needs their active referral consent); the receiver sees only the fields chosen',
        body: referralCreateSchema,
        response: { 201: referralSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await referrals.create(await authOf(request).actor(), request.body, { ip: request.ip })),
  );

  api.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary:
          "Outgoing referrals (a person's history with personId) or the incoming intake; overdue ones are flagged",
        querystring: referralListQuerySchema,
        response: { 200: referralListResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => referrals.list(await authOf(request).actor(), request.query, { ip: request.ip }),
  );

  api.get(
    '/api/referrals/preview',
    {
      schema: {
        tags,
        summary: 'Before sending: exactly what the receiver will see of the person for these fields',
        querystring: referralPreviewQuerySchema,
        response: { 200: referralPreviewSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      referrals.previewNew(await authOf(request).actor(), request.query.personId, request.query.fields, {
        ip: request.ip,
      }),
  );

  api.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'A referral as my organisation stands to it (sender or receiver)',
        params: idParams,
        response: one,
      },
    },
    async (request) => referrals.get(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/referrals/:id/preview',
    { schema: { tags, summary: 'A referral exactly as its receiver sees it now', params: idParams, response: one } },
    async (request) => referrals.preview(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/referrals/:id/accept',
    { schema: { tags, summary: 'Receiver: accept', params: idParams, response: one } },
    async (request) => answers.accept(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/referrals/:id/decline',
    {
      schema: {
        tags,
        summary: 'Receiver: decline, with the reason the sender will read',
        params: idParams,
        body: referralDeclineSchema,
        response: one,
      },
    },
    async (request) =>
      answers.decline(await authOf(request).actor(), request.params.id, request.body.reason, { ip: request.ip }),
  );

  api.post(
    '/api/referrals/:id/redirect',
    {
      schema: {
        tags,
        summary:
          'Receiver: send the person on to another organisation or service (a new referral, same consent and fields)',
        params: idParams,
        body: referralRedirectSchema,
        response: one,
      },
    },
    async (request) =>
      answers.redirect(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/referrals/:id/complete',
    {
      schema: {
        tags,
        summary: 'Receiver: record the outcome (flows back to the sender)',
        params: idParams,
        body: referralCompleteSchema,
        response: one,
      },
    },
    async (request) =>
      answers.complete(await authOf(request).actor(), request.params.id, request.body.outcome, { ip: request.ip }),
  );

  api.post(
    '/api/referrals/:id/close',
    {
      schema: {
        tags,
        summary: 'Either side: close without outcome (the person never arrived, or the sender stops waiting)',
        params: idParams,
        body: referralCloseSchema,
        response: one,
      },
    },
    async (request) =>
      answers.close(await authOf(request).actor(), request.params.id, request.body.note, { ip: request.ip }),
  );
}
