// HTTP API of the evidence vault. Uploads are the raw bytes of one file (PUT), with its name in
// the x-file-name header (percent-encoded) and its type in content-type; they live in their own
// encapsulated plugin so that only this route accepts non-JSON bodies, with its own size limit.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { custodyEntrySchema, evidenceSchema, evidenceVerificationSchema } from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import type { createEvidenceService } from './evidence.service.ts';
import { attachmentDisposition, uploadedFileName } from '../kernel/http/file-names.ts';

/** Largest evidence file, bytes (ACOMPANA_EVIDENCE_MAX_MB overrides; default 20 MB). */
export const evidenceMaxBytes = Math.round(Number(process.env.ACOMPANA_EVIDENCE_MAX_MB || 20) * 1024 * 1024);

export function registerEvidenceRoutes(app: FastifyInstance, evidence: ReturnType<typeof createEvidenceService>): void {
  const tags = ['incidents'];
  const params = z.object({ id: z.string().uuid(), eid: z.string().uuid() });

  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: evidenceMaxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/incidents/:id/evidence',
      {
        bodyLimit: evidenceMaxBytes,
        schema: {
          tags,
          summary:
            'Upload one evidence file (raw bytes; x-file-name header): type checked by content, SHA-256 recorded, stored encrypted',
          params: z.object({ id: z.string().uuid() }),
          response: { 201: evidenceSchema, 415: errorResponseSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('incidents.evidence_unsupported_type', {
            params: { type: String(request.headers['content-type'] ?? '') },
          });
        const file = {
          bytes: request.body,
          name: uploadedFileName(request.headers['x-file-name'], 'evidence'),
          claimedType: request.headers['content-type'],
        };
        return reply
          .status(201)
          .send(await evidence.upload(await authOf(request).actor(), request.params.id, file, { ip: request.ip }));
      },
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/incidents/:id/evidence/:eid',
    {
      schema: {
        tags,
        summary: 'Download the decrypted file (custody: viewed, or exported with ?purpose=export)',
        params,
        querystring: z.strictObject({ purpose: z.enum(['view', 'export']).default('view') }),
      },
    },
    async (request, reply) => {
      const file = await evidence.download(
        await authOf(request).actor(),
        request.params.id,
        request.params.eid,
        request.query.purpose,
        { ip: request.ip },
      );
      return reply
        .header('content-disposition', attachmentDisposition(file.name))
        .header('cache-control', 'no-store')
        .header('x-content-sha256', file.sha256)
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  api.get(
    '/api/incidents/:id/evidence/:eid/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the SHA-256 of the stored file and compare it with the one recorded at upload',
        params,
        response: { 200: evidenceVerificationSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      evidence.verify(await authOf(request).actor(), request.params.id, request.params.eid, { ip: request.ip }),
  );

  api.get(
    '/api/incidents/:id/evidence/:eid/custody',
    {
      schema: {
        tags,
        summary: 'Chain of custody of an evidence file',
        params,
        response: { 200: z.object({ items: z.array(custodyEntrySchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: await evidence.custody(await authOf(request).actor(), request.params.id, request.params.eid, {
        ip: request.ip,
      }),
    }),
  );
}
