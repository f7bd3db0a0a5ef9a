// HTTP API of filings: record one (the receipt is the request body, the filing date a query
// parameter, like cases' attachments take raw bytes), undo it for a short while, download the receipt.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filingQuerySchema, procedureSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { attachmentDisposition, uploadedFileName } from '../kernel/http/file-names.ts';
import { AppError } from '../kernel/errors.ts';
import type { ProceduresService } from './procedures.service.ts';
import { createFilingsService } from './filings.service.ts';

/** Largest receipt, bytes (a scanned or photographed acuse; the same limit as cases' attachments). */
const receiptMaxBytes = Math.round(Number(process.env.ACOMPANA_CASE_ATTACHMENT_MAX_MB || 20) * 1024 * 1024);

export function registerFilingRoutes(app: FastifyInstance, ctx: AppContext, procedures: ProceduresService): void {
  const filings = createFilingsService(
    { db: ctx.db, audit: ctx.audit, clock: ctx.clock, keyring: ctx.keyring },
    procedures,
  );
  const tags = ['procedures'];
  const filingParams = z.object({ id: z.string().uuid(), filingId: z.string().uuid() });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/procedures/:id/filings/:filingId/undo',
    {
      schema: {
        tags,
        summary: 'Undo a filing recorded a few minutes ago: the step and the stage go back, the receipt is dropped',
        params: filingParams,
        response: { 200: procedureSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      filings.undo(await authOf(request).actor(), request.params.id, request.params.filingId, { ip: request.ip }),
  );

  api.get(
    '/api/procedures/:id/filings/:filingId/receipt',
    {
      schema: {
        tags,
        summary: "Download a filing's receipt (decrypted, checked against its SHA-256)",
        params: filingParams,
      },
    },
    async (request, reply) => {
      const file = await filings.receipt(await authOf(request).actor(), request.params.id, request.params.filingId, {
        ip: request.ip,
      });
      return reply
        .header('content-disposition', attachmentDisposition(file.name || 'acuse'))
        .header('cache-control', 'no-store')
        .header('x-content-sha256', file.sha256)
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: receiptMaxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/procedures/:id/steps/:step/filing',
      {
        bodyLimit: receiptMaxBytes,
        schema: {
          tags,
          summary:
            'Record a filing: the step is done on the filing date (query filedOn), the stage moves, the receipt (raw bytes; x-file-name header) is kept encrypted',
          params: z.object({ id: z.string().uuid(), step: z.string().min(1).max(60) }),
          querystring: filingQuerySchema,
          response: { 201: procedureSchema, 415: errorResponseSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('procedures.receipt_required', { field: 'receipt' });
        const view = await filings.record(
          await authOf(request).actor(),
          request.params.id,
          request.params.step,
          request.query.filedOn,
          {
            bytes: request.body,
            name: uploadedFileName(request.headers['x-file-name'], 'acuse'),
            claimedType: request.headers['content-type'],
          },
          { ip: request.ip },
        );
        return reply.status(201).send(view);
      },
    );
  });
}
