// HTTP API of network statistics releases (decision 0127). Public (no login): the list of
// published releases, one release's frozen tables, and its downloads (HXL CSV, JSON, XLSX, PDF);
// nothing public is computed on request. Staff: prepare and preview, publish, list; and the
// organisation's participation (which confidentiality levels it keeps out of releases).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { AppError } from '../kernel/errors.ts';
import { localeFromAcceptLanguage } from '../kernel/i18n/translate.ts';
import { createReleasesService, RELEASABLE_INDICATORS, type ReleaseDocument } from './releases.service.ts';
import { statsMinCell } from './stats.service.ts';
import { releaseFile } from './release-files.ts';

const tags = ['statistics'];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const releaseBody = z.strictObject({
  title: z.string().trim().min(1).max(200).describe('Title of the bulletin'),
  periodFrom: month.describe('First month, YYYY-MM'),
  periodTo: month.describe('Last month, YYYY-MM (the period must have ended, plus the embargo)'),
  tables: z.array(z.string().min(1).max(60)).max(10).describe('Indicators, one table each'),
  orgIds: z.array(z.uuid()).max(500).describe('Organisations taking part'),
});
const summary = z.object({
  id: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  publishedAt: z.string(),
});
const text = z.object({ es: z.string(), en: z.string() });
const documentSchema = z.object({
  id: z.string().nullable(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  publishedAt: z.string().nullable(),
  threshold: z.number().int(),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  method: text,
  tables: z.array(
    z.object({
      indicator: z.string(),
      title: text,
      unit: text,
      valueHxl: z.string(),
      dimensions: z.array(
        z.object({
          id: z.string(),
          title: text,
          hxl: z.string(),
          categories: z.array(z.object({ key: z.string(), label: text })),
        }),
      ),
      cells: z.array(z.object({ keys: z.array(z.string().nullable()), count: z.number().int().nullable() })),
    }),
  ),
  contentHash: z.string(),
});
const idParams = z.object({ id: z.string().min(1).max(60) });
export const RELEASE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  mmp: 'text/csv; charset=utf-8',
} as const;

export function registerReleaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const releases = createReleasesService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, minCell: statsMinCell() });
  const localeOf = (request: FastifyRequest, lang: 'es' | 'en' | undefined) =>
    lang ?? localeFromAcceptLanguage(request.headers['accept-language']);

  api.get(
    '/api/public/releases',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Published statistics releases, newest first (frozen: they never change)',
        response: { 200: z.object({ items: z.array(summary) }), ...commonErrorResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { items: await releases.list() };
    },
  );

  api.get(
    '/api/public/releases/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        security: [],
        summary:
          'One published release: its tables exactly as published (hidden counts are null), method, content hash',
        params: idParams,
        response: commonErrorResponses,
      },
    },
    async (request, reply) => {
      const text = await releases.documentText(request.params.id);
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=86400, immutable')
        .send(text as never);
    },
  );

  api.get(
    '/api/public/releases/:id/download',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        security: [],
        summary:
          "A published release as a file: HXL CSV (one table), JSON, XLSX, PDF bulletin (Spanish or English), or mmp: deaths and disappearances in the columns of IOM's Missing Migrants Project dataset",
        params: idParams,
        querystring: z.strictObject({
          format: z.enum(['csv', 'json', 'xlsx', 'pdf', 'mmp']),
          lang: z.enum(['es', 'en']).optional(),
          table: z.string().max(60).optional().describe('CSV: which table (indicator id; default the first)'),
          part: z.enum(['cells', 'totals']).optional().describe('CSV: the cells, or the totals table'),
        }),
        response: commonErrorResponses,
      },
    },
    async (request, reply) => {
      const { format, lang, table, part } = request.query;
      const text = await releases.documentText(request.params.id);
      const document = JSON.parse(text) as ReleaseDocument;
      const file = await releaseFile(document, text, {
        format,
        locale: localeOf(request, lang),
        table: table ?? null,
        part: part ?? 'cells',
      });
      return reply
        .type(RELEASE_TYPES[format])
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('cache-control', 'public, max-age=86400, immutable')
        .send(file.data as never);
    },
  );

  api.get(
    '/api/stats/releases',
    {
      schema: {
        tags,
        summary: 'Published releases, and what a release can be prepared from (indicators, organisations, embargo)',
        response: {
          200: z.object({
            items: z.array(summary),
            indicators: z.array(z.string()),
            organisations: z.array(z.object({ id: z.string(), name: z.string() })),
            embargoDays: z.number().int(),
            canPublish: z.boolean(),
          }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      if (!actor.orgId || !can(actor, 'read', { type: 'statistics', orgId: actor.orgId }))
        throw new AppError('policy.denied');
      const { rows } = await ctx.db.query<{ id: string; name: string }>(
        'SELECT id::text AS id, name FROM organisations ORDER BY name, id',
      );
      return {
        items: await releases.list(),
        indicators: [...RELEASABLE_INDICATORS],
        organisations: rows,
        embargoDays: releases.embargoDays,
        canPublish: can(actor, 'create', { type: 'statistics', orgId: actor.orgId }),
      };
    },
  );

  api.post(
    '/api/stats/releases/preview',
    {
      schema: {
        tags,
        summary: 'The release as it would be published now, suppression applied; nothing is stored',
        body: releaseBody,
        response: { 200: documentSchema, ...commonErrorResponses },
      },
    },
    async (request) => releases.preview(await authOf(request).actor(), request.body),
  );

  api.post(
    '/api/stats/releases',
    {
      schema: {
        tags,
        summary: 'Publish a release: its tables are computed, protected, and frozen',
        body: releaseBody,
        response: { 201: documentSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const published = await releases.publish(await authOf(request).actor(), request.body, { ip: request.ip });
      return reply.code(201).send(published);
    },
  );

  const participation = z.object({ excludeLevels: z.array(z.enum(['internal', 'shareable'])).max(2) });
  api.get(
    '/api/stats/participation',
    {
      schema: {
        tags,
        summary: 'Which confidentiality levels the organisation keeps out of network releases (restricted: always)',
        response: { 200: participation, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      if (!actor.orgId || !can(actor, 'read', { type: 'org_settings', orgId: actor.orgId }))
        throw new AppError('policy.denied');
      const { rows } = await ctx.db.query<{ exclude_levels: string[] }>(
        'SELECT exclude_levels FROM stats_participation WHERE org_id = $1',
        [actor.orgId],
      );
      return { excludeLevels: (rows[0]?.exclude_levels ?? []) as ('internal' | 'shareable')[] };
    },
  );

  api.put(
    '/api/stats/participation',
    {
      schema: {
        tags,
        summary: 'Keep confidentiality levels out of network releases prepared from now on',
        body: participation.strict(),
        response: { 200: participation, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      if (!actor.orgId || !can(actor, 'update', { type: 'org_settings', orgId: actor.orgId }))
        throw new AppError('policy.denied');
      const levels = [...new Set(request.body.excludeLevels)].sort();
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO stats_participation (org_id, exclude_levels, updated_by, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (org_id) DO UPDATE SET exclude_levels = EXCLUDED.exclude_levels, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [actor.orgId, levels, actor.accountId],
        );
        await ctx.audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'statistics.participation',
          recordType: 'org_settings',
          orgId: actor.orgId,
          ip: request.ip,
          details: { excludeLevels: levels.join(',') },
        });
      });
      return { excludeLevels: levels };
    },
  );
}
