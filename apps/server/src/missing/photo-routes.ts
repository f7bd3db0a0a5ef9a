// HTTP API of photos on reports and found records:
//   POST /api/missing/reports/:id/photos, POST /api/missing/found/:id/photos (raw image bytes, in
//   their own encapsulated plugin so that only these routes accept a non-JSON body, with their
//   own size limit and clear error), GET|DELETE /api/missing/photos/:id.
// The lists come with the record (GET report / found record, and beside it in the review).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { missingPhotoSchema } from '@acompana/core';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { imageUpload, registerRawImageScope, sendPrivateImage } from '../kernel/http/raw-image.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { photoMaxBytes, photoTooLarge } from '../people/photo.service.ts';
import type { MissingPhotoService } from './photo-service.ts';

export function registerMissingPhotoRoutes(app: FastifyInstance, photos: MissingPhotoService): void {
  const tags = ['missing'];
  const idParams = z.object({ id: z.string().uuid() });

  const limit = photoMaxBytes * 2;
  registerRawImageScope(app, limit, photoTooLarge, (scope) => {
    for (const kind of ['report', 'found'] as const) {
      scope.withTypeProvider<ZodTypeProvider>().post(
        kind === 'report' ? '/api/missing/reports/:id/photos' : '/api/missing/found/:id/photos',
        {
          bodyLimit: limit,
          schema: {
            tags,
            summary:
              kind === 'report'
                ? 'Add a photo of the person sought (raw JPEG, PNG or WebP bytes; stored encrypted)'
                : 'Add a photo of the person found or of the remains (raw JPEG, PNG or WebP bytes; stored encrypted)',
            params: idParams,
            response: { 201: missingPhotoSchema, 415: errorResponseSchema, ...commonErrorResponses },
          },
        },
        async (request, reply) => {
          const photo = await photos.upload(
            await authOf(request).actor(),
            { kind, id: request.params.id },
            imageUpload(request),
            { ip: request.ip },
          );
          return reply.status(201).send(photo);
        },
      );
    }
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/missing/photos/:id',
    {
      schema: {
        tags,
        summary: 'A photo of a report or found record (decrypted; the view is audited)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const photo = await photos.read(await authOf(request).actor(), request.params.id, { ip: request.ip });
      return sendPrivateImage(reply, photo);
    },
  );

  api.delete(
    '/api/missing/photos/:id',
    {
      schema: {
        tags,
        summary: 'Remove a photo of a report or found record',
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
