// HTTP API of the audit log for an organisation's administrators (decision 0128): the staff app's
// audit browser pages through it; the CSV export takes the same filters.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditLogExportQuerySchema, auditLogPageSchema, auditLogQuerySchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createAuditReadService } from './audit-read.service.ts';

export function registerAuditReadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const service = createAuditReadService({ db: ctx.db, audit: ctx.audit, reads: ctx.reads });
  const tags = ['admin'];

  api.get(
    '/api/admin/audit-log',
    {
      schema: {
        tags,
        summary:
          "The organisation's audit entries, newest first: filter by record, person, account, action, days; paged by cursor (the read is audited)",
        querystring: auditLogQuerySchema,
        response: { 200: auditLogPageSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.page(await authOf(request).actor(), request.query, request.ip),
  );

  api.get(
    '/api/admin/audit-log/export',
    {
      schema: {
        tags,
        summary: 'The same entries as CSV (at most 50,000 rows; the export is audited)',
        querystring: auditLogExportQuerySchema,
        response: commonErrorResponses,
      },
    },
    async (request, reply) => {
      const csv = await service.exportCsv(await authOf(request).actor(), request.query, request.ip);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .header('cache-control', 'no-store')
        .send(csv as never);
    },
  );
}
