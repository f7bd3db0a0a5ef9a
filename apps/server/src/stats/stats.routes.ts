// HTTP API of statistics: /api/stats/:indicator (the organisation's own table, for roles allowed
// to read statistics). Public figures leave only through published releases (releases.routes.ts,
// decision 0127): nothing public is computed on request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { localeFromAcceptLanguage } from '../kernel/i18n/translate.ts';
import { can, indicators, INSTITUTION_LEVELS, type IndicatorLocale } from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import { createStatsService, statsMinCell } from './stats.service.ts';
import { longForm, toCsv, toJsonExport, toXlsx } from './stats-export.ts';
import { networkTable } from './network-view.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileName = (id: string, period: string, ext: string): string =>
  `${id}-${period}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const common = {
  by: z.string().max(100).optional().describe('Dimensions, comma-separated (at most 3), e.g. type,state'),
  from: monthSchema.optional().describe('First month, YYYY-MM'),
  to: monthSchema.optional().describe('Last month, YYYY-MM'),
  lang: z.enum(['es', 'en']).optional().describe('Language of titles and labels (default: Accept-Language)'),
  filter: z.string().max(200).optional().describe('Category filters, dimension:key comma-separated, e.g. state:MX07'),
};
export const orgQuery = z.strictObject({
  ...common,
  level: z.enum(INSTITUTION_LEVELS).optional().describe('Level of the institution hierarchy'),
  scope: z
    .enum(['organisation', 'network'])
    .optional()
    .describe(
      'organisation (exact, own records; with team: one team) or network (every organisation, protected monthly table)',
    ),
  team: z.uuid().optional().describe("One team of the actor's organisation"),
});
const params = z.object({ indicator: z.string().min(1).max(60) });

const catalogueSchema = z.object({
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unit: z.string(),
      network: z.array(z.string()),
      dimensions: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const tableSchema = z.object({
  indicator: z.string(),
  title: z.string(),
  unit: z.string(),
  scope: z.enum(['organisation', 'team', 'network']),
  filters: z.array(z.object({ dimension: z.string(), key: z.string(), label: z.string() })),
  asOf: z
    .string()
    .nullable()
    .optional()
    .describe('When the counts were pre-aggregated (large organisations); absent or null: counted now'),
  release: z
    .object({
      version: z.number().int(),
      fingerprint: z.string(),
      id: z.string().nullable().optional(),
      title: z.string().optional(),
    })
    .nullable()
    .optional()
    .describe(
      'Network tables: the published release they are read from (id, title, content hash, how many releases of the period)',
    ),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  threshold: z.number().int(),
  institutionLevel: z.enum(INSTITUTION_LEVELS).nullable(),
  dimensions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      hxl: z.string(),
      categories: z.array(z.object({ key: z.string(), label: z.string() })),
    }),
  ),
  cells: z.array(
    z.object({
      keys: z.array(z.string().nullable()),
      count: z.number().int().nullable(),
      flag: z.enum(['small', 'suppressed', 'not_additive']).nullable(),
    }),
  ),
  method: z.string(),
});

const localeOf = (request: FastifyRequest, lang: IndicatorLocale | undefined): IndicatorLocale =>
  lang ?? localeFromAcceptLanguage(request.headers['accept-language']);

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const stats = createStatsService({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    minCell: statsMinCell(),
    reads: ctx.reads,
  });
  const tags = ['statistics'];

  api.get(
    '/api/stats/:indicator',
    {
      schema: {
        tags,
        summary: "The organisation's own counts of an indicator (exact; cells under the threshold are marked)",
        params,
        querystring: orgQuery,
        response: { 200: tableSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { lang, scope, ...query } = request.query;
      const actor = await authOf(request).actor();
      // The network view is a view of the newest published release of the period (decision
      // 0141): staff see of other organisations only what the network published.
      if (scope === 'network')
        return networkTable(ctx.db, actor, request.params.indicator, query, localeOf(request, lang), stats.publicTable);
      return stats.organisationTable(actor, request.params.indicator, query, localeOf(request, lang), {
        ip: request.ip,
      });
    },
  );

  api.get(
    '/api/stats',
    {
      schema: {
        tags,
        summary:
          "The indicators (titles, breakdowns, whether released to the network) and the organisation's teams, for the dashboard",
        querystring: z.strictObject({ lang: common.lang }),
        response: { 200: catalogueSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      if (!actor.orgId || !can(actor, 'read', { type: 'statistics', orgId: actor.orgId }))
        throw new AppError('policy.denied');
      const locale = localeOf(request, request.query.lang);
      const { rows } = await ctx.db.query<{ id: string; name: string }>(
        'SELECT id::text AS id, name FROM teams WHERE org_id = $1 ORDER BY name',
        [actor.orgId],
      );
      return {
        indicators: indicators.map((i) => ({
          id: i.id,
          title: i.title[locale],
          unit: i.unit[locale],
          network: (i.publicRelease ?? []) as string[],
          dimensions: i.dimensions.map((d) => ({ id: d.id, title: d.title[locale] })),
        })),
        teams: rows,
      };
    },
  );

  api.get(
    '/api/stats/:indicator/export',
    {
      schema: {
        tags,
        summary:
          'The same table as a file: HXL CSV, JSON or XLSX (formulas neutralised; the same hashtags as release files); network scope is the published release',
        params,
        querystring: orgQuery.extend({
          format: z.enum(['csv', 'json', 'xlsx']),
          part: z.enum(['cells', 'totals']).optional().describe('CSV/XLSX: the cells (default), or the totals table'),
        }),
        response: commonErrorResponses,
      },
    },
    async (request, reply) => {
      const { lang, scope, format, part, ...query } = request.query;
      const actor = await authOf(request).actor();
      const locale = localeOf(request, lang);
      if (!actor.orgId || !can(actor, 'export', { type: 'statistics', orgId: actor.orgId }))
        throw new AppError('policy.denied');
      const table =
        scope === 'network'
          ? await networkTable(ctx.db, actor, request.params.indicator, query, locale, stats.publicTable)
          : await stats.organisationTable(actor, request.params.indicator, query, locale, { ip: request.ip });
      await ctx.audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'statistics.export',
        recordType: 'statistics',
        orgId: actor.orgId,
        ip: request.ip,
        details: {
          indicator: table.indicator,
          format,
          scope: table.scope,
          by: query.by ?? null,
          from: query.from ?? null,
          to: query.to ?? null,
        },
      });
      const long = longForm(table, locale, part ?? 'cells');
      const name = fileName(table.indicator, `${query.from ?? 'all'}-${query.to ?? 'all'}`, format);
      reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
      if (format === 'xlsx') return reply.type(XLSX_TYPE).send(toXlsx(long, table.indicator) as never);
      if (format === 'json')
        return reply.type('application/json; charset=utf-8').send(toJsonExport(table, long) as never);
      return reply.type('text/csv; charset=utf-8').send(toCsv(long) as never);
    },
  );
}
