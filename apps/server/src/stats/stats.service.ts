// Indicators for the organisation's dashboard and for the public release (decision 0111).
// Internal: the organisation's own exact counts, small cells marked. Public: every organisation's
// data, ONE protected table per indicator and month (the indicator's release cube, suppressed by
// the statistics engine); a request for fewer dimensions gets a view (margin) of that table.
import { createHash } from 'node:crypto';
import { can, suppressCounts, toHxlCsv, type Actor, type DimensionSpec, type SafeTable } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { ReadRouting } from '../kernel/db/read-routing.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import {
  categoryLabel,
  dimensionOf,
  findIndicator,
  sortCategories,
  type Indicator,
  type IndicatorDimension,
  type IndicatorLocale,
  type InstitutionLevel,
} from '@acompana/core';
import { countBy, type CountRow } from './stats.queries.ts';
import { recordRelease, type ReleaseVersion } from './stats-release.ts';
import { rollupCounts } from './stats-rollup.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import {
  blindProbes,
  checkFiltersAgainstBreakdown,
  describeFilters,
  notAdditive,
  parseFilters,
  sliceOf,
} from './stats-scope.ts';
import { coordinates, countOf, exactCells, nestedCounts, viewOf } from './stats-table.ts';
import { coarsenPlaceFilters, coarsenPlaces, placesMethod, statsPublicPlaces } from './stats-places.ts';
import type { PublicPlaceLevel } from '@acompana/core';

/** The public minimum cell size: 5, or more through ACOMPANA_STATS_MIN_CELL, never less. */
export const PUBLIC_MIN_CELL = 5;

export function statsMinCell(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ACOMPANA_STATS_MIN_CELL?.trim();
  if (!raw) return PUBLIC_MIN_CELL;
  if (!/^\d+$/.test(raw))
    throw new Error(`ACOMPANA_STATS_MIN_CELL must be a whole number (at least ${PUBLIC_MIN_CELL}), got "${raw}"`);
  return Math.max(PUBLIC_MIN_CELL, Number(raw));
}

export interface StatsRequest {
  by?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  level?: InstitutionLevel | undefined;
  /** One team of the organisation (per-team dashboard). */
  team?: string | undefined;
  /** Category filters, "dimension:key" comma-separated (e.g. state:MX07), decision 0122. */
  filter?: string | undefined;
}

export interface StatsCell {
  /** Category key per dimension, null for the total. */
  keys: (string | null)[];
  count: number | null;
  flag: 'small' | 'suppressed' | 'not_additive' | null;
}

export interface StatsTable {
  indicator: string;
  title: string;
  unit: string;
  scope: 'organisation' | 'team' | 'network';
  /** When the counts come from the pre-aggregated rollup: when it was computed. */
  asOf?: string | null;
  /** The public release this table is a view of (network tables only). */
  release?: ReleaseVersion | null;
  filters: { dimension: string; key: string; label: string }[];
  period: { from: string | null; to: string | null };
  threshold: number;
  institutionLevel: InstitutionLevel | null;
  dimensions: { id: string; title: string; hxl: string; categories: { key: string; label: string }[] }[];
  cells: StatsCell[];
  method: string;
}

export interface StatsDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  minCell: number;
  /** Which countries keep their states / departments in public releases (default from the environment). */
  publicPlaces?: PublicPlaceLevel;
  /** Where an account's dashboard reads: a streaming replica when healthy (kernel/db/read-routing.ts). */
  reads?: ReadRouting;
}

const MAX_DIMENSIONS = 3;
/**
 * Limit of a release cube protected on request (decision 0122, "Statistics: the hypercube"): a
 * 3-way table is protected by hypercube boxes, whose time grows with the cells, not with the LP of
 * its hidden ones: 32 × 12 × 13 (4,992 cells) takes 0.15 s even when every cell is small.
 */
const MAX_RELEASE_CELLS = 5000;
const CUBE_CACHE_SIZE = 64;

const methods: Record<'organisation' | 'network', Record<IndicatorLocale, string>> = {
  organisation: {
    es: 'Conteos exactos de los registros de la organización. Las celdas menores que {t} están marcadas: no las publique sin suprimir.',
    en: "Exact counts of the organisation's records. Cells under {t} are marked: do not publish them without suppression.",
  },
  network: {
    es: 'Datos de todas las organizaciones de la red, por mes y por estado. Se ocultan las celdas con menos de {t} y las que permitirían deducirlas de los totales; una celda oculta va vacía.',
    en: 'Data of every organisation in the network, by month and state. Cells under {t} are hidden, and so are cells that would let them be worked out from totals; a hidden cell is empty.',
  },
};

function indicatorOf(id: string): Indicator {
  const indicator = findIndicator(id);
  if (!indicator) throw new AppError('stats.unknown_indicator', { field: 'indicator', params: { value: id } });
  return indicator;
}

export function parseBy(
  indicator: Indicator,
  by: string | undefined,
  fallback: readonly string[],
): IndicatorDimension[] {
  const ids =
    by === undefined
      ? [...fallback]
      : by
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  if (ids.length > MAX_DIMENSIONS || new Set(ids).size !== ids.length)
    throw new AppError('stats.too_many_dimensions', { field: 'by', params: { max: String(MAX_DIMENSIONS) } });
  return ids.map((id) => {
    const dim = dimensionOf(indicator, id);
    if (!dim) throw new AppError('stats.unknown_dimension', { field: 'by', params: { value: id } });
    return dim;
  });
}

function checkPeriod(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new AppError('stats.invalid_period', { field: 'from', params: { from, to } });
}

function categoriesOf(dims: readonly IndicatorDimension[], rows: readonly CountRow[]): string[][] {
  return dims.map((d, i) =>
    sortCategories(
      d.categories,
      rows.map((r) => r.keys[i]!),
    ),
  );
}

function describeDimensions(
  dims: readonly IndicatorDimension[],
  categories: readonly (readonly string[])[],
  locale: IndicatorLocale,
): StatsTable['dimensions'] {
  return dims.map((d, i) => ({
    id: d.id,
    title: d.title[locale],
    hxl: d.hxl,
    categories: categories[i]!.map((key) => ({ key, label: categoryLabel(d.categories, key, locale) })),
  }));
}

const keysAt = (categories: readonly (readonly string[])[], coords: readonly number[]): (string | null)[] =>
  coords.map((k, d) => categories[d]![k] ?? null);

export function createStatsService({
  db,
  keyring,
  audit,
  clock,
  minCell,
  publicPlaces = statsPublicPlaces(),
  reads,
}: StatsDeps) {
  const cubeCache = new Map<string, { table: SafeTable; release: ReleaseVersion }>();
  const today = (): string => clock().toISOString().slice(0, 10);

  /** The organisation's own table: exact counts with margins, small cells marked, no names. */
  async function organisationTable(
    actor: Actor,
    id: string,
    request: StatsRequest,
    locale: IndicatorLocale,
    meta: { ip?: string | null } = {},
  ): Promise<StatsTable> {
    if (!actor.orgId || !can(actor, 'read', { type: 'statistics', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const table = await tableOf(orgId, id, request, locale, reads?.forReading(actor.accountId));
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'statistics.read',
      recordType: 'statistics',
      orgId,
      ip: meta.ip ?? null,
      details: {
        indicator: table.indicator,
        by: table.dimensions.map((d) => d.id).join(','),
        from: request.from ?? null,
        to: request.to ?? null,
        team: request.team ?? null,
        filter: request.filter ?? null,
      },
    });
    return table;
  }

  /**
   * One organisation's exact table, WITHOUT a policy check or an audit entry: for callers that
   * made both themselves (organisationTable; the monthly report job, which audits the report).
   */
  async function tableOf(
    orgId: string,
    id: string,
    request: StatsRequest,
    locale: IndicatorLocale,
    /** Where to count: the primary, or a replica for a dashboard (reads-after-own-writes stay on the primary). */
    source: Queryable = db,
  ): Promise<StatsTable> {
    const indicator = indicatorOf(id);
    const dims = parseBy(indicator, request.by, indicator.publicRelease ?? []);
    checkPeriod(request.from, request.to);
    const filters = parseFilters(indicator, request.filter);
    checkFiltersAgainstBreakdown(filters, dims);
    const level = request.level ?? 'institution';
    // A large organisation's indicator is read from its rollup (decision 0122), otherwise live.
    const rolled =
      level === 'institution'
        ? await rollupCounts(source, {
            indicator,
            by: dims.map((d) => d.id),
            orgId,
            from: request.from ?? null,
            to: request.to ?? null,
            teamId: request.team ?? null,
            filters,
          })
        : null;
    const rows =
      rolled?.rows ??
      (await countBy(source, {
        indicator: indicator.id,
        by: dims.map((d) => d.id),
        orgId,
        from: request.from ?? null,
        to: request.to ?? null,
        institutionLevel: level,
        today: today(),
        teamId: request.team ?? null,
        filters,
        blind: await blindProbes(source, keyring, indicator.id, orgId),
      }));
    const categories = categoriesOf(dims, rows);
    const shape = categories.map((c) => c.length + 1);
    const counts = exactCells(categories, rows);
    const multi = notAdditive(indicator, dims);
    return {
      indicator: indicator.id,
      title: indicator.title[locale],
      unit: indicator.unit[locale],
      scope: request.team ? 'team' : 'organisation',
      filters: describeFilters(indicator, filters, locale),
      asOf: rolled?.asOf ?? null,
      period: { from: request.from ?? null, to: request.to ?? null },
      threshold: minCell,
      institutionLevel: dims.some((d) => d.levels) ? level : null,
      dimensions: describeDimensions(dims, categories, locale),
      cells: coordinates(shape).map((coords, c) => {
        const count = counts[c]!;
        // A total over a multi-valued dimension would count one person several times: not shown.
        if (multi !== null && coords[multi] === shape[multi]! - 1)
          return { keys: keysAt(categories, coords), count: null, flag: 'not_additive' as const };
        return { keys: keysAt(categories, coords), count, flag: count > 0 && count < minCell ? 'small' : null };
      }),
      method: methods.organisation[locale].replace('{t}', String(minCell)),
    };
  }

  /**
   * The protected release cube of an indicator for one month, across organisations. The engine
   * is deterministic, so the same aggregated counts always give the same protected table; it is
   * cached under a hash of those counts (new data → new hash → recomputed).
   */
  async function releaseCube(
    indicator: Indicator,
    month: string,
  ): Promise<{
    dims: IndicatorDimension[];
    categories: string[][];
    table: SafeTable | null;
    release: ReleaseVersion | null;
  }> {
    const dims = (indicator.publicRelease ?? []).map((id) => dimensionOf(indicator, id)!);
    const level = dims.find((d) => d.levels)?.levels?.default ?? 'institution';
    // Places are coarsened BEFORE protection: the release never holds a finer place than configured.
    const rows = coarsenPlaces(
      dims,
      await countBy(db, {
        indicator: indicator.id,
        by: dims.map((d) => d.id),
        orgId: null,
        from: month,
        to: month,
        institutionLevel: level,
        today: today(),
      }),
      publicPlaces,
    );
    const categories = categoriesOf(dims, rows);
    if (rows.length === 0) return { dims, categories, table: null, release: null };
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([indicator.id, month, minCell, categories, rows]))
      .digest('hex');
    const cached = cubeCache.get(fingerprint);
    if (cached) return { dims, categories, table: cached.table, release: cached.release };
    // Protection runs on the request's thread: refuse a cube larger than the engine was measured
    // on rather than stall the server.
    const innerCells = categories.reduce((n, c) => n * c.length, 1);
    if (innerCells > MAX_RELEASE_CELLS) {
      const small = rows.filter((r) => r.count < minCell).length;
      throw new AppError('stats.release_too_large', { params: { cells: String(innerCells), small: String(small) } });
    }
    const spec: DimensionSpec[] = dims.map((d, i) => ({ name: d.id, hxl: d.hxl, categories: categories[i]! }));
    const table = suppressCounts({ dimensions: spec, counts: nestedCounts(categories, rows) }, { threshold: minCell });
    if (cubeCache.size >= CUBE_CACHE_SIZE) cubeCache.delete(cubeCache.keys().next().value as string);
    const release = await recordRelease(db, audit, {
      indicator: indicator.id,
      month,
      fingerprint,
      threshold: minCell,
      categories,
      table,
    });
    cubeCache.set(fingerprint, { table, release });
    return { dims, categories, table, release };
  }

  async function publicView(
    id: string,
    request: StatsRequest,
    locale: IndicatorLocale,
  ): Promise<{ result: StatsTable; csvTable: SafeTable | null; indicator: Indicator }> {
    const indicator = indicatorOf(id);
    if (!indicator.publicRelease) throw new AppError('stats.not_public', { params: { value: id } });
    const dims = parseBy(indicator, request.by, indicator.publicRelease);
    for (const d of dims)
      if (!indicator.publicRelease.includes(d.id))
        throw new AppError('stats.dimension_not_public', { field: 'by', params: { value: d.id } });
    // Overlapping periods are linked tables (a quarter minus two of its months is the third): a
    // public table covers exactly one calendar month, and months never overlap.
    if (!request.from || !request.to || request.from !== request.to)
      throw new AppError('stats.public_period', { field: 'from' });
    const month = request.from;
    const filters = coarsenPlaceFilters(indicator.dimensions, parseFilters(indicator, request.filter), publicPlaces);
    checkFiltersAgainstBreakdown(filters, dims);
    for (const f of filters)
      if (!indicator.publicRelease.includes(f.dimension))
        throw new AppError('stats.dimension_not_public', { field: 'filter', params: { value: f.dimension } });
    const cube = await releaseCube(indicator, month);
    const picked = dims.map((d) => cube.dims.indexOf(d));
    const categories = picked.map((d) => cube.categories[d]!);
    const base = {
      indicator: indicator.id,
      title: indicator.title[locale],
      unit: indicator.unit[locale],
      scope: 'network' as const,
      filters: describeFilters(indicator, filters, locale),
      release: cube.release,
      period: { from: month, to: month },
      threshold: minCell,
      institutionLevel: dims.some((d) => d.levels) ? (dims.find((d) => d.levels)?.levels?.default ?? null) : null,
      dimensions: describeDimensions(dims, categories, locale),
      method: `${methods.network[locale].replace('{t}', String(minCell))} ${placesMethod(publicPlaces, locale)}`,
    };
    // A filter is a slice of the ONE protected cube (the filtered dimension fixed at a category):
    // every published value is still a value of that cube, so a filter narrowing to a few people
    // gets the cube's suppressed cells, never a recount (decision 0122).
    const fixed = filters.map((f) => ({
      dim: cube.dims.findIndex((d) => d.id === f.dimension),
      at: cube.categories[cube.dims.findIndex((d) => d.id === f.dimension)]!.indexOf(f.key),
    }));
    if (!cube.table || fixed.some((f) => f.at < 0)) {
      // Nothing recorded that month: only the (zero) totals exist.
      const cells = coordinates(categories.map((c) => c.length + 1)).map((coords) => ({
        keys: keysAt(categories, coords),
        count: 0,
        flag: null,
      }));
      return { indicator, csvTable: null, result: { ...base, cells } };
    }
    const view = fixed.length ? sliceOf(cube.table, picked, fixed) : viewOf(cube.table, picked);
    const cells: StatsCell[] = view.cells.map(({ coords, cell }) => {
      const count = countOf(cell);
      return { keys: keysAt(categories, coords), count, flag: count === null ? 'suppressed' : null };
    });
    const csvTable: SafeTable = {
      dimensions: picked.map((d) => {
        const dim = cube.dims[d]!;
        return {
          name: dim.title[locale],
          hxl: dim.hxl,
          categories: cube.categories[d]!.map((k) => categoryLabel(dim.categories, k, locale)),
        };
      }),
      shape: view.shape,
      cells: view.cells.map((c) => c.cell),
      report: cube.table.report,
    };
    return { indicator, csvTable, result: { ...base, cells } };
  }

  async function publicTable(id: string, request: StatsRequest, locale: IndicatorLocale): Promise<StatsTable> {
    return (await publicView(id, request, locale)).result;
  }

  /** The same public table as HXL CSV: header row, hashtag row, one row per cell, hidden counts empty. */
  async function publicCsv(id: string, request: StatsRequest, locale: IndicatorLocale): Promise<string> {
    const { indicator, csvTable, result } = await publicView(id, request, locale);
    const table: SafeTable = csvTable ?? {
      dimensions: result.dimensions.map((d) => ({ name: d.title, hxl: d.hxl, categories: [] })),
      shape: result.dimensions.map(() => 1),
      cells: [0],
      report: {
        threshold: minCell,
        protectionLevel: minCell,
        zeros: 'publish',
        cells: 1,
        primary: 0,
        secondary: 0,
        suppressedShare: 0,
        informationLoss: { innerCellsSuppressed: 0, innerCellShare: 0, hiddenCountShare: 0 },
        verification: 'skipped',
        rounds: 0,
      },
    };
    return toHxlCsv(table, {
      valueHeader: `${indicator.title[locale]} (${indicator.unit[locale]})`,
      valueHashtag: indicator.valueHxl,
      totalLabel: 'Total',
      noteHeader: locale === 'es' ? 'Nota' : 'Note',
    });
  }

  return { organisationTable, tableOf, publicTable, publicCsv, publicView };
}

export type StatsService = ReturnType<typeof createStatsService>;
