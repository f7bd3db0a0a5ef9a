// The staff network view (decision 0141): what the network PUBLISHED, read from the frozen
// releases, never counted live. A signed-in analyst asking for the network's acts of October gets
// a view of the newest published release of exactly that period holding the indicator (a
// revision replaces the release it revises): a margin of its frozen table for fewer breakdowns,
// a slice of it for a filter. No other figure of another organisation reaches a staff screen, so
// staff can learn nothing the public cannot, and the view of a period never changes between
// releases.
import { can, findIndicator, type Actor, type IndicatorLocale } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { RELEASABLE_INDICATORS, type ReleaseDocument } from './releases.service.ts';
import { coarsenPlaceFilters, statsPublicPlaces } from './stats-places.ts';
import { parseBy, type StatsRequest, type StatsTable } from './stats.service.ts';
import { checkFiltersAgainstBreakdown, describeFilters, parseFilters } from './stats-scope.ts';
import { coordinates } from './stats-table.ts';

/**
 * The network view for any account allowed to read statistics. Indicators a release can hold are
 * read from the releases; the others (care, search, return: their counting does not know consent
 * or participation yet, so they cannot be released) keep the protected monthly table computed
 * for staff, `live`, which never leaves the staff app.
 */
export async function networkTable(
  db: Queryable,
  actor: Actor,
  id: string,
  request: StatsRequest,
  locale: IndicatorLocale,
  live: (id: string, request: StatsRequest, locale: IndicatorLocale) => Promise<StatsTable>,
): Promise<StatsTable> {
  if (!actor.orgId || !can(actor, 'read', { type: 'statistics', orgId: actor.orgId }))
    throw new AppError('policy.denied');
  if (!(RELEASABLE_INDICATORS as readonly string[]).includes(id))
    return live(id, { by: request.by, from: request.from, to: request.to, filter: request.filter }, locale);
  return networkView(db, id, request, locale);
}

export async function networkView(
  db: Queryable,
  id: string,
  request: StatsRequest,
  locale: IndicatorLocale,
): Promise<StatsTable> {
  const indicator = findIndicator(id);
  if (!indicator) throw new AppError('stats.unknown_indicator', { field: 'indicator', params: { value: id } });
  if (!indicator.publicRelease) throw new AppError('stats.not_public', { params: { value: id } });
  const dims = parseBy(indicator, request.by, indicator.publicRelease);
  for (const d of dims)
    if (!indicator.publicRelease.includes(d.id))
      throw new AppError('stats.dimension_not_public', { field: 'by', params: { value: d.id } });
  // A department filter where the release publishes only the country is its country's slice.
  const filters = coarsenPlaceFilters(
    indicator.dimensions,
    parseFilters(indicator, request.filter),
    statsPublicPlaces(),
  );
  checkFiltersAgainstBreakdown(filters, dims);
  for (const f of filters)
    if (!indicator.publicRelease.includes(f.dimension))
      throw new AppError('stats.dimension_not_public', { field: 'filter', params: { value: f.dimension } });
  const from = request.from ?? request.to;
  const to = request.to ?? request.from;
  if (!from || !to) throw new AppError('stats.public_period', { field: 'from' });
  if (from > to) throw new AppError('stats.invalid_period', { field: 'from', params: { from, to } });

  const { rows } = await db.query<{ document: string; n: number }>(
    `SELECT document, count(*) OVER ()::int AS n FROM stats_releases
     WHERE $1::text = ANY(indicators) AND period_from = $2 AND period_to = $3
     ORDER BY published_at DESC, id DESC LIMIT 1`,
    [id, from, to],
  );
  if (!rows[0])
    throw new AppError('stats.no_release', {
      field: 'from',
      params: { indicator: indicator.title[locale], period: from === to ? from : `${from} – ${to}` },
    });
  const release = JSON.parse(rows[0].document) as ReleaseDocument;
  const table = release.tables.find((t) => t.indicator === id)!;
  const byKey = new Map(table.cells.map((c) => [c.keys.map((k) => k ?? '*').join('|'), c.count]));
  const picked = dims.map((d) => table.dimensions.findIndex((x) => x.id === d.id));
  const fixed = new Map(filters.map((f) => [table.dimensions.findIndex((x) => x.id === f.dimension), f.key]));
  const categories = picked.map((d) => table.dimensions[d]!.categories);
  const cells = coordinates(categories.map((c) => c.length + 1)).map((coords) => {
    const keys = coords.map((k, i) => categories[i]![k]?.key ?? null);
    const full = table.dimensions.map((_, d) => {
      const at = picked.indexOf(d);
      return at >= 0 ? (keys[at] ?? '*') : (fixed.get(d) ?? '*');
    });
    // A filter on a category the release never had: nothing of it was published, a zero.
    const count = byKey.has(full.join('|')) ? byKey.get(full.join('|'))! : 0;
    return { keys, count, flag: count === null ? ('suppressed' as const) : null };
  });
  const level = dims.find((d) => d.levels)?.levels?.default ?? null;
  return {
    indicator: id,
    title: indicator.title[locale],
    unit: indicator.unit[locale],
    scope: 'network',
    release: { version: rows[0].n, fingerprint: release.contentHash, id: release.id, title: release.title },
    filters: describeFilters(indicator, filters, locale),
    period: { from: release.periodFrom, to: release.periodTo },
    threshold: release.threshold,
    institutionLevel: level,
    dimensions: dims.map((d, i) => ({
      id: d.id,
      title: d.title[locale],
      hxl: d.hxl,
      categories: categories[i]!.map((c) => ({ key: c.key, label: c.label[locale] })),
    })),
    cells,
    method: release.method[locale],
  };
}
