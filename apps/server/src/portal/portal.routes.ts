// HTTP API of the portal's content: /api/portal/guides/… for editors in the staff app and
// /api/public/portal/… (no login, GET only) for the public portal and its service worker.
// On start-up (onReady) the guides shipped with the web app are imported once (portal-import.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INT4_MAX } from '@acompana/core';
import {
  portalGuideLangSchema,
  portalGuideWriteSchema,
  portalImageSchema,
  portalLangSchema,
  portalOverviewSchema,
  portalSlugSchema,
  portalVersionSchema,
  publicGuideListSchema,
  publicGuideSchema,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../kernel/errors.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createPortalService, PORTAL_IMAGE_MAX_BYTES } from './portal.service.ts';
import { importShippedGuides } from './portal-import.ts';

export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const portal = createPortalService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  const tags = ['portal'];
  const guideParams = z.object({ slug: portalSlugSchema, lang: portalLangSchema });
  const versionParams = guideParams.extend({ version: z.coerce.number().int().positive().max(INT4_MAX) });
  const meta = (request: { ip: string }) => ({ ip: request.ip });

  app.addHook('onReady', async () => {
    try {
      await importShippedGuides({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
    } catch (error) {
      app.log.error({ err: error }, 'portal: importing the shipped guides failed');
    }
  });

  api.get(
    '/api/portal/guides',
    {
      schema: {
        tags,
        summary:
          'Every guide × language: published, draft, out of date (translation made from an older Spanish version) or missing',
        response: { 200: portalOverviewSchema, ...commonErrorResponses },
      },
    },
    async (request) => portal.overview(await authOf(request).actor()),
  );

  api.get(
    '/api/portal/guides/:slug/:lang',
    {
      schema: {
        tags,
        summary: 'One guide in one language: its state, latest version (Markdown) and version history',
        params: guideParams,
        response: { 200: portalGuideLangSchema, ...commonErrorResponses },
      },
    },
    async (request) => portal.guideLang(await authOf(request).actor(), request.params.slug, request.params.lang),
  );

  api.get(
    '/api/portal/guides/:slug/:lang/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version of a guide (Markdown with front matter)',
        params: versionParams,
        response: { 200: portalVersionSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      portal.getVersion(
        await authOf(request).actor(),
        request.params.slug,
        request.params.lang,
        request.params.version,
      ),
  );

  api.post(
    '/api/portal/guides/:slug/:lang/versions',
    {
      schema: {
        tags,
        summary:
          'Save a new draft version (the first Spanish version creates the guide; a translation records the Spanish version it was made from)',
        params: guideParams,
        body: portalGuideWriteSchema,
        response: { 201: portalVersionSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await portal.save(
            await authOf(request).actor(),
            request.params.slug,
            request.params.lang,
            request.body,
            meta(request),
          ),
        ),
  );

  api.post(
    '/api/portal/guides/:slug/:lang/versions/:version/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft version: the public portal shows it from now on',
        params: versionParams,
        response: { 200: portalVersionSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      portal.publish(
        await authOf(request).actor(),
        request.params.slug,
        request.params.lang,
        request.params.version,
        meta(request),
      ),
  );

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: PORTAL_IMAGE_MAX_BYTES + 1 },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/portal/guides/:slug/images',
      {
        bodyLimit: PORTAL_IMAGE_MAX_BYTES + 1,
        schema: {
          tags,
          summary:
            'Upload an image for a guide (raw bytes; PNG, JPEG or WebP by content; public once a published version refers to it)',
          params: z.object({ slug: portalSlugSchema }),
          response: { 201: portalImageSchema, 415: errorResponseSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('portal.image_unsupported_type', {
            params: { type: String(request.headers['content-type'] ?? '') },
          });
        return reply
          .status(201)
          .send(
            await portal.uploadImage(
              await authOf(request).actor(),
              request.params.slug,
              { bytes: request.body, claimedType: request.headers['content-type'] },
              meta(request),
            ),
          );
      },
    );
  });

  const imageParams = z.object({ id: z.string().uuid() });
  api.get(
    '/api/portal/images/:id',
    { schema: { tags, summary: 'An uploaded image, published or not (for the editor preview)', params: imageParams } },
    async (request, reply) => {
      const image = await portal.staffImage(await authOf(request).actor(), request.params.id);
      return reply
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .type(image.content_type)
        .send(Buffer.from(image.bytes));
    },
  );

  // Public, read-only: what the portal shows. Published content only; no personal data.
  const publicTags = ['public'];
  const publicGuides = { config: { auth: 'public' } } as const;
  api.get(
    '/api/public/portal/guides',
    {
      ...publicGuides,
      schema: {
        tags: publicTags,
        security: [],
        summary: 'The published guides in a language (front matter only)',
        querystring: z.strictObject({ lang: portalLangSchema }),
        response: { 200: publicGuideListSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return portal.publicList(request.query.lang);
    },
  );

  api.get(
    '/api/public/portal/guides/:lang/:slug',
    {
      ...publicGuides,
      schema: {
        tags: publicTags,
        security: [],
        summary: 'The published version of a guide, parsed (same data as the portal build)',
        params: z.object({ lang: portalLangSchema, slug: portalSlugSchema }),
        response: { 200: publicGuideSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return portal.publicGuide(request.params.lang, request.params.slug);
    },
  );

  api.get(
    '/api/public/portal/images/:id',
    {
      ...publicGuides,
      schema: { tags: publicTags, security: [], summary: 'An image of a published guide', params: imageParams },
    },
    async (request, reply) => {
      const image = await portal.publicImage(request.params.id);
      return reply
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .type(image.content_type)
        .send(Buffer.from(image.bytes));
    },
  );
}
