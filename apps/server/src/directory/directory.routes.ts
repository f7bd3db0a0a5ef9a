// HTTP API of the services directory: /api/directory/… for the organisations that maintain it
// and /api/public/hsds/… (no login) for the portal and anyone who reuses the directory. The
// referrals between organisations (/api/referrals…) are registered from here too, so that app.ts
// names the directory-and-referrals module once.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { localeFromAcceptLanguage, translate } from '../kernel/i18n/translate.ts';
import {
  directoryEntrySchema,
  directorySearchQuerySchema,
  directoryServiceWriteSchema,
  hsdsImportProblemSchema,
  hsdsImportResultSchema,
  hsdsImportSchema,
  hsdsServicePageSchema,
  hsdsServiceSchema,
} from '@acompana/core';
import { createDirectoryService, HsdsImportError } from './directory.service.ts';
import { registerReferralRoutes } from '../referrals/referrals.routes.ts';
import { publicAreas, sendValidated } from './public-directory.ts';

export function registerDirectoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const directory = createDirectoryService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  const tags = ['directory'];
  const idParams = z.object({ id: z.string().uuid() });
  const entry = { 200: directoryEntrySchema, ...commonErrorResponses };
  const meta = (request: { ip: string }) => ({ ip: request.ip });

  api.get(
    '/api/directory/entries',
    {
      schema: {
        tags,
        summary: 'The entries my organisation maintains (stale=true: not verified for 180 days, oldest first)',
        querystring: z.strictObject({ stale: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(directoryEntrySchema) }), ...commonErrorResponses },
      },
    },
    async (request) => directory.listOwn(await authOf(request).actor(), { stale: request.query.stale === 'true' }),
  );

  api.get(
    '/api/directory/entries/stale',
    {
      schema: {
        tags,
        summary: 'Stale-entry reminders: my entries not verified for 180 days',
        response: { 200: z.object({ items: z.array(directoryEntrySchema) }), ...commonErrorResponses },
      },
    },
    async (request) => directory.listOwn(await authOf(request).actor(), { stale: true }),
  );

  api.post(
    '/api/directory/services',
    {
      schema: {
        tags,
        summary: 'Add a service (HSDS 3.0 service with its organization, locations, schedules, languages…)',
        body: directoryServiceWriteSchema,
        response: { 201: directoryEntrySchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await directory.create(await authOf(request).actor(), request.body, meta(request))),
  );

  api.get(
    '/api/directory/services/:id',
    { schema: { tags, summary: 'A directory entry', params: idParams, response: entry } },
    async (request) => directory.get(await authOf(request).actor(), request.params.id),
  );

  api.put(
    '/api/directory/services/:id',
    {
      schema: {
        tags,
        summary: 'Replace an entry my organisation maintains (send the version read; saving counts as verifying)',
        params: idParams,
        body: directoryServiceWriteSchema,
        response: entry,
      },
    },
    async (request) => directory.update(await authOf(request).actor(), request.params.id, request.body, meta(request)),
  );

  api.post(
    '/api/directory/services/:id/verify',
    { schema: { tags, summary: 'Mark an entry as checked today', params: idParams, response: entry } },
    async (request) => directory.verify(await authOf(request).actor(), request.params.id, meta(request)),
  );

  api.delete(
    '/api/directory/services/:id',
    {
      schema: {
        tags,
        summary: 'Remove an entry from the directory (kept for the referrals that name it)',
        params: idParams,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await directory.remove(await authOf(request).actor(), request.params.id, meta(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/directory/hsds/export',
    {
      schema: {
        tags,
        summary: 'Export my entries as HSDS 3.0 (one page of services)',
        response: { 200: hsdsServicePageSchema, ...commonErrorResponses },
      },
    },
    async (request) => directory.exportHsds(await authOf(request).actor(), meta(request)),
  );

  api.post(
    '/api/directory/hsds/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import HSDS 3.0 services ({contents: [...]}, as exported): every problem is reported and nothing is imported unless all are valid',
        body: hsdsImportSchema,
        response: {
          200: hsdsImportResultSchema,
          ...commonErrorResponses,
          400: errorResponseSchema.extend({ problems: z.array(hsdsImportProblemSchema).optional() }),
        },
      },
    },
    async (request, reply) => {
      try {
        return await directory.importHsds(await authOf(request).actor(), request.body.contents, meta(request));
      } catch (error) {
        if (!(error instanceof HsdsImportError)) throw error;
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        return reply
          .status(400)
          .header('content-language', locale)
          .send({ code: error.code, message: translate(locale, error.code, error.params), problems: error.problems });
      }
    },
  );

  // Public, read-only: the portal's directory. No personal data lives in these tables; contacts (staff) are left out.
  const publicTags = ['public'];
  api.get(
    '/api/public/hsds/services',
    {
      config: { auth: 'public' },
      schema: {
        tags: publicTags,
        security: [],
        summary:
          'HSDS 3.0 services, filtered by state, city, need (taxonomy code; several separated by commas: any of them) and language, paginated; ETag/If-None-Match',
        querystring: directorySearchQuerySchema,
        response: { 200: hsdsServicePageSchema, 304: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => sendValidated(request, reply, await directory.search(request.query)),
  );

  api.get(
    '/api/public/hsds/areas',
    {
      config: { auth: 'public' },
      schema: {
        tags: publicTags,
        security: [],
        summary: 'The states and provinces with listed services, and how many; ETag/If-None-Match',
        response: {
          200: z.object({
            areas: z.array(z.object({ state: z.string(), country: z.string(), services: z.number().int() })),
          }),
          304: z.null(),
          ...commonErrorResponses,
        },
      },
    },
    async (request, reply) => sendValidated(request, reply, { areas: await publicAreas(ctx.db) }),
  );

  api.get(
    '/api/public/hsds/services/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags: publicTags,
        security: [],
        summary: 'One HSDS 3.0 service, fully nested',
        params: idParams,
        response: { 200: hsdsServiceSchema, 304: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => sendValidated(request, reply, await directory.publicService(request.params.id)),
  );

  registerReferralRoutes(app, ctx);
}
