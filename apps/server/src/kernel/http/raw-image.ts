// Routes that take an image as the raw request body (a person's photo, photos of a missing-person
// report or found record): only inside their own encapsulated scope does a non-JSON body parse,
// with its own size limit and a clear, translated error instead of Fastify's. Images are sent back
// private (no-store) and inline.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { sendAppError } from './error-handler.ts';

/** Registers `routes` in a scope that accepts raw bodies up to `maxBytes`; a bigger one gets `tooLarge(size)`. */
export function registerRawImageScope(
  app: FastifyInstance,
  maxBytes: number,
  tooLarge: (size: number) => AppError,
  routes: (scope: FastifyInstance) => void,
): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error: { code?: string }, request, reply) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      return sendAppError(request, reply, tooLarge(Number(request.headers['content-length'] ?? maxBytes + 1)));
    });
    routes(scope);
  });
}

/** The uploaded bytes and the type the client claims (the service sniffs the real one). */
export function imageUpload(request: FastifyRequest): { bytes: Buffer; claimedType: string | undefined } {
  if (!Buffer.isBuffer(request.body))
    throw new AppError('people.photo_unsupported_type', {
      field: 'photo',
      params: { type: String(request.headers['content-type'] ?? '') },
    });
  return { bytes: request.body, claimedType: request.headers['content-type'] };
}

export function sendPrivateImage(reply: FastifyReply, image: { contentType: string; bytes: Buffer }): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', 'inline')
    .type(image.contentType)
    .send(image.bytes);
}
