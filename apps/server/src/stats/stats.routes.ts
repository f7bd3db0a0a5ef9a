// HTTP API of statistics: /api/stats/:indicator (the organisation's own table, for roles allowed
// to read statistics) and /api/public/stats/:indicator[.csv] (protected network tables, no login).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { localeFromAcceptLanguage } from '../kernel/i18n/translate.ts';
import { INSTITUTION_LEVELS, type IndicatorLocale } from '@acompana/core';
import { createStatsService, statsMinCell } from './stats.service.ts';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const common = {
  by: z.string().max(100).optional().describe('Dimensions, comma-separated (at most 3), e.g. type,state'),
  from: monthSchema.optional().describe('First month, YYYY-MM'),
  to: monthSchema.optional().describe('Last month, YYYY-MM'),
  lang: z.enum(['es', 'en']).optional().describe('Language of titles and labels (default: Accept-Language)'),
};
const orgQuery = z.strictObject({ ...common, level: z.enum(INSTITUTION_LEVELS).optional().describe('Level of the institution hierarchy') });
const publicQuery = z.strictObject(common);
const params = z.object({ indicator: z.string().min(1).max(60) });

const tableSchema = z.object({
  indicator: z.string(),
  title: z.string(),
  unit: z.string(),
  scope: z.enum(['organisation', 'network']),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  threshold: z.number().int(),
  institutionLevel: z.enum(INSTITUTION_LEVELS).nullable(),
  dimensions: z.array(z.object({ id: z.string(), title: z.string(), hxl: z.string(), categories: z.array(z.object({ key: z.string(), label: z.string() })) })),
  cells: z.array(z.object({ keys: z.array(z.string().nullable()), count: z.number().int().nullable(), flag: z.enum(['small', 'suppressed']).nullable() })),
  method: z.string(),
});

const localeOf = (request: FastifyRequest, lang: IndicatorLocale | undefined): IndicatorLocale => lang ?? localeFromAcceptLanguage(request.headers['accept-language']);

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const stats = createStatsService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, minCell: statsMinCell() });
  const tags = ['statistics'];

  api.get(
    '/api/stats/:indicator',
    { schema: { tags, summary: "The organisation's own counts of an indicator (exact; cells under the threshold are marked)", params, querystring: orgQuery, response: { 200: tableSchema, ...commonErrorResponses } } },
    async (request) => {
      const { lang, ...query } = request.query;
      return stats.organisationTable(await authOf(request).actor(), request.params.indicator, query, localeOf(request, lang), { ip: request.ip });
    },
  );

  // Public by design: the bulletin and the open data. Only protected tables leave through here.
  api.get(
    '/api/public/stats/:indicator',
    {
      config: { auth: 'public' },
      schema: {
        tags, security: [],
        summary: 'Network statistics for one month, small cells suppressed (append .csv to the indicator for HXL CSV)',
        params, querystring: publicQuery, response: { 200: tableSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const locale = localeOf(request, lang);
      reply.header('cache-control', 'public, max-age=300');
      const id = request.params.indicator;
      if (id.endsWith('.csv')) {
        const csv = await stats.publicCsv(id.slice(0, -4), query, locale);
        const name = `${id.slice(0, -4)}-${query.from ?? ''}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv as never); // text, not the JSON schema
      }
      return stats.publicTable(id, query, locale);
    },
  );
}
