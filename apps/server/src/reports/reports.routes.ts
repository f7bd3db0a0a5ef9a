// HTTP API of statistics reports: the PDF of a period, the monthly schedule, the stored reports.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { localeFromAcceptLanguage } from '../kernel/i18n/translate.ts';
import { createStatsService, statsMinCell } from '../stats/stats.service.ts';
import { createReportsService } from './reports.service.ts';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const scheduleSchema = z.strictObject({ enabled: z.boolean(), lang: z.enum(['es', 'en']), email: z.boolean() });
const fileSchema = z.object({
  id: z.string(),
  kind: z.string(),
  from: z.string(),
  to: z.string(),
  lang: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export function registerReportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const stats = createStatsService({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    minCell: statsMinCell(),
  });
  const reports = createReportsService({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock, stats });
  const tags = ['reports'];

  api.get(
    '/api/reports/statistics.pdf',
    {
      schema: {
        tags,
        summary:
          "The organisation's statistics report of a period as PDF (charts, map, tables; exact counts, for internal use)",
        querystring: z.strictObject({ from: monthSchema, to: monthSchema, lang: z.enum(['es', 'en']).optional() }),
        response: commonErrorResponses,
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? localeFromAcceptLanguage(request.headers['accept-language']);
      const pdf = await reports.pdfFor(await authOf(request).actor(), request.query.from, request.query.to, lang, {
        ip: request.ip,
      });
      const name = `report-${request.query.from}-${request.query.to}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(pdf as never);
    },
  );

  api.get(
    '/api/reports/schedule',
    {
      schema: {
        tags,
        summary: 'The monthly report schedule (null when none)',
        response: { 200: scheduleSchema.nullable(), ...commonErrorResponses },
      },
    },
    async (request) => reports.getSchedule(await authOf(request).actor()),
  );

  api.put(
    '/api/reports/schedule',
    {
      schema: {
        tags,
        summary: 'Sets the monthly report schedule (administrators)',
        body: scheduleSchema,
        response: { 200: scheduleSchema, ...commonErrorResponses },
      },
    },
    async (request) => reports.putSchedule(await authOf(request).actor(), request.body),
  );

  api.delete(
    '/api/reports/schedule',
    {
      schema: {
        tags,
        summary: 'Removes the monthly report schedule (administrators); stored reports stay',
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await reports.deleteSchedule(await authOf(request).actor());
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/reports/files',
    {
      schema: {
        tags,
        summary: 'Stored reports of the organisation, newest period first',
        response: { 200: z.array(fileSchema), ...commonErrorResponses },
      },
    },
    async (request) => reports.listFiles(await authOf(request).actor()),
  );

  api.get(
    '/api/reports/files/:id',
    {
      schema: {
        tags,
        summary: 'One stored report (PDF, decrypted; the read is audited)',
        params: z.object({ id: z.uuid() }),
        response: commonErrorResponses,
      },
    },
    async (request, reply) => {
      const { pdf, name } = await reports.readFile(await authOf(request).actor(), request.params.id, {
        ip: request.ip,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(pdf as never);
    },
  );
}
