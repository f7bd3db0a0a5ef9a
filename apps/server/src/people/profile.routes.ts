// HTTP API of the differentiated profile, the intake plan and the person's photo:
//   PUT /api/people/:id/profile, GET /api/people/:id/intake-plan,
//   PUT|GET|DELETE /api/people/:id/photo (raw image bytes, in their own encapsulated plugin so
//   that only that route accepts a non-JSON body, with its own size limit and clear error).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intakePlanSchema, personProfileSchema, profileUpdateSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { imageUpload, registerRawImageScope, sendPrivateImage } from '../kernel/http/raw-image.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createProfileService } from './profile.service.ts';
import { createPhotoService, photoMaxBytes, photoTooLarge } from './photo.service.ts';

const photoInfoSchema = z.object({ contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() });

export function registerProfileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const profiles = createProfileService(deps);
  const photos = createPhotoService(deps);
  const tags = ['people'];
  const idParams = z.object({ id: z.string().uuid() });

  api.put(
    '/api/people/:id/profile',
    {
      schema: {
        tags,
        summary:
          'Record the differentiated profile (send the person version you read; 409 record.conflict when someone changed it meanwhile)',
        params: idParams,
        body: profileUpdateSchema,
        response: { 200: personProfileSchema, ...commonErrorResponses },
      },
    },
    async (request) => profiles.put(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.get(
    '/api/people/:id/intake-plan',
    {
      schema: {
        tags,
        summary:
          'What the profile changes at intake: questionnaires (required or offered), alerts, best-interests steps',
        params: idParams,
        response: { 200: intakePlanSchema.extend({ profile: personProfileSchema }), ...commonErrorResponses },
      },
    },
    async (request) => profiles.intakePlan(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  const limit = photoMaxBytes * 2;
  registerRawImageScope(app, limit, photoTooLarge, (scope) => {
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/people/:id/photo',
      {
        bodyLimit: limit,
        schema: {
          tags,
          summary: "Upload the person's photo (raw JPEG, PNG or WebP bytes; stored encrypted)",
          params: idParams,
          response: { 200: photoInfoSchema, 415: errorResponseSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        photos.upload(await authOf(request).actor(), request.params.id, imageUpload(request), { ip: request.ip }),
    );
  });

  api.get(
    '/api/people/:id/photo',
    { schema: { tags, summary: "The person's photo (decrypted; the view is audited)", params: idParams } },
    async (request, reply) => {
      const photo = await photos.read(await authOf(request).actor(), request.params.id, { ip: request.ip });
      return sendPrivateImage(reply, photo);
    },
  );

  api.delete(
    '/api/people/:id/photo',
    {
      schema: {
        tags,
        summary: "Remove the person's photo",
        params: idParams,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await photos.remove(await authOf(request).actor(), request.params.id, { ip: request.ip });
      return reply.status(204).send(null);
    },
  );
}
