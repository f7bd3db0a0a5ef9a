// Network statistics releases (decision 0127). Nothing public is computed on request: a person
// allowed to publish prepares a release (title, closed period, tables, organisations taking part),
// previews it with suppression applied, and publishes it. The published document is frozen: its
// exact JSON text, a SHA-256 of its tables, who published it and when. A table is protected
// against every earlier published release of an overlapping period (the differencing attack over
// all of them, packages/core/src/statistics/release-protection.ts).
import { createHash, randomUUID } from 'node:crypto';
import {
  can,
  categoryLabel,
  coordsOf,
  dimensionOf,
  findIndicator,
  isSuppressed,
  protectRelease,
  sortCategories,
  type Actor,
  type DimensionSpec,
  type EarlierRelease,
  type IndicatorDimension,
  type IndicatorText,
  type PublicPlaceLevel,
} from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { countBy } from './stats.queries.ts';
import { coarsenPlaces, placesMethod, statsPublicPlaces } from './stats-places.ts';
import { coordinates, nestedCounts } from './stats-table.ts';

/** Indicators a release can hold: those whose counting knows organisations, confidentiality and consent. */
export const RELEASABLE_INDICATORS = ['incidents.acts', 'people.registered', 'procedures.deadlines'] as const;
export const DEFAULT_EMBARGO_DAYS = 15;
/**
 * Largest table (inner cells) a release protects: the engine's time grows with the cells of a
 * sparse 3-way table (decision 0122 measured 5,000 cells); beyond it the request is refused with
 * a clear error rather than holding the publication lock for minutes (decision 0127, limits).
 */
export const MAX_RELEASE_TABLE_CELLS = 5000;

/** ACOMPANA_STATS_EMBARGO_DAYS: days after a period ends before it can be published (default 15). */
export function statsEmbargoDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ACOMPANA_STATS_EMBARGO_DAYS?.trim();
  if (!raw) return DEFAULT_EMBARGO_DAYS;
  if (!/^\d{1,3}$/.test(raw))
    throw new Error(`ACOMPANA_STATS_EMBARGO_DAYS must be a whole number of days, got "${raw}"`);
  return Number(raw);
}

export interface ReleaseRequest {
  title: string;
  periodFrom: string;
  periodTo: string;
  tables: string[];
  orgIds: string[];
}

export interface FrozenTable {
  indicator: string;
  title: IndicatorText;
  unit: IndicatorText;
  valueHxl: string;
  dimensions: {
    id: string;
    title: IndicatorText;
    hxl: string;
    categories: { key: string; label: IndicatorText }[];
  }[];
  /** Every cell, margins included (a null key is the total); a hidden count is null. */
  cells: { keys: (string | null)[]; count: number | null }[];
}

export interface ReleaseDocument {
  id: string | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  publishedAt: string | null;
  threshold: number;
  organisations: { id: string; name: string }[];
  method: IndicatorText;
  tables: FrozenTable[];
  contentHash: string;
}

interface StoredCounts {
  categories: string[][];
  values: number[];
  hidden: number[];
}

export interface ReleasesDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  minCell: number;
  embargoDays?: number;
  publicPlaces?: PublicPlaceLevel;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First day on which a period ending with `periodTo` may be published. */
export function publishableFrom(periodTo: string, embargoDays: number): string {
  const [y, m] = periodTo.split('-').map(Number) as [number, number];
  const firstAfter = Date.UTC(y, m, 1); // the 1st of the month after (month index is 0-based)
  return new Date(firstAfter + embargoDays * 86_400_000).toISOString().slice(0, 10);
}

export function createReleasesService({
  db,
  audit,
  clock,
  minCell,
  embargoDays = statsEmbargoDays(),
  publicPlaces = statsPublicPlaces(),
}: ReleasesDeps) {
  function requirePublisher(actor: Actor): string {
    if (!actor.orgId || !can(actor, 'create', { type: 'statistics', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    return actor.orgId;
  }

  async function validate(q: Queryable, request: ReleaseRequest): Promise<{ id: string; name: string }[]> {
    for (const field of ['periodFrom', 'periodTo'] as const)
      if (!MONTH.test(request[field])) throw new AppError('validation.invalid_format', { field });
    if (request.periodFrom > request.periodTo)
      throw new AppError('stats.invalid_period', {
        field: 'periodFrom',
        params: { from: request.periodFrom, to: request.periodTo },
      });
    const opens = publishableFrom(request.periodTo, embargoDays);
    const today = clock().toISOString().slice(0, 10);
    if (today < opens)
      throw new AppError('stats.period_not_closed', {
        field: 'periodTo',
        params: { period: request.periodTo, date: opens, days: String(embargoDays) },
      });
    if (request.tables.length === 0 || new Set(request.tables).size !== request.tables.length)
      throw new AppError('stats.release_tables', { field: 'tables' });
    for (const id of request.tables)
      if (!(RELEASABLE_INDICATORS as readonly string[]).includes(id))
        throw new AppError('stats.release_unknown_table', { field: 'tables', params: { value: id } });
    const orgIds = [...new Set(request.orgIds)];
    if (orgIds.length === 0) throw new AppError('stats.release_organisations', { field: 'orgIds' });
    const { rows } = await q.query<{ id: string; name: string }>(
      'SELECT id::text AS id, name FROM organisations WHERE id::text = ANY($1::text[]) ORDER BY name, id',
      [orgIds],
    );
    if (rows.length !== orgIds.length) {
      const known = new Set(rows.map((r) => r.id));
      throw new AppError('orgs.unknown_organisation', {
        field: 'orgIds',
        params: { value: orgIds.find((o) => !known.has(o)) ?? '' },
      });
    }
    return rows;
  }

  /** Earlier releases of an overlapping period holding this indicator, oldest first. */
  async function earlierOf(q: Queryable, indicator: string, from: string, to: string) {
    const { rows } = await q.query<{ id: string; period_from: string; period_to: string; counts: StoredCounts }>(
      `SELECT id::text AS id, period_from, period_to, protected_counts -> $1::text AS counts FROM stats_releases
       WHERE $1::text = ANY(indicators) AND period_from <= $3 AND period_to >= $2 ORDER BY published_at, id`,
      [indicator, from, to],
    );
    return rows.map((r) => ({ ...r, samePeriod: r.period_from === from && r.period_to === to }));
  }

  async function buildTable(
    q: Queryable,
    id: string,
    request: ReleaseRequest,
  ): Promise<{ table: FrozenTable; counts: StoredCounts; revises: string[] }> {
    const indicator = findIndicator(id)!;
    const dims = (indicator.publicRelease ?? []).map((d) => dimensionOf(indicator, d)!);
    const level = dims.find((d) => d.levels)?.levels?.default ?? 'institution';
    const rows = coarsenPlaces(
      dims,
      await countBy(q, {
        indicator: id,
        by: dims.map((d) => d.id),
        orgId: null,
        from: request.periodFrom,
        to: request.periodTo,
        institutionLevel: level,
        today: clock().toISOString().slice(0, 10),
        release: { orgIds: request.orgIds },
      }),
      publicPlaces,
    );
    if (rows.length === 0) throw new AppError('stats.release_empty_table', { field: 'tables', params: { value: id } });
    const earlier = await earlierOf(q, id, request.periodFrom, request.periodTo);
    // Categories: those counted now and those any earlier release of the period had (then 0 here),
    // so every release of the period shares one layout for the attack.
    const categories = dims.map((d, i) =>
      sortCategories(
        d.categories,
        new Set([...rows.map((r) => r.keys[i]!), ...earlier.flatMap((e) => e.counts.categories[i] ?? [])]),
      ),
    );
    const innerCells = categories.reduce((n, c) => n * c.length, 1);
    if (innerCells > MAX_RELEASE_TABLE_CELLS)
      throw new AppError('stats.release_too_large', {
        field: 'tables',
        params: { cells: String(innerCells), small: String(rows.filter((r) => r.count < minCell).length) },
      });
    const aligned = earlier.map((e) => alignEarlier(e.counts, categories, e.samePeriod));
    const spec: DimensionSpec[] = dims.map((d, i) => ({ name: d.id, hxl: d.hxl, categories: categories[i]! }));
    const protectedTable = protectRelease(
      { dimensions: spec, counts: nestedCounts(categories, rows) },
      { threshold: minCell, earlier: aligned },
    );
    const shape = categories.map((c) => c.length + 1);
    const cells = coordinates(shape).map((coords, c) => {
      const cell = protectedTable.table.cells[c]!;
      return {
        keys: coords.map((k, d) => categories[d]![k] ?? null),
        count: isSuppressed(cell) ? null : cell,
      };
    });
    return {
      table: {
        indicator: id,
        title: indicator.title,
        unit: indicator.unit,
        valueHxl: indicator.valueHxl,
        dimensions: dims.map((d, i) => describe(d, categories[i]!)),
        cells,
      },
      counts: {
        categories,
        values: [...protectedTable.values],
        hidden: [...protectedTable.hidden.keys()].filter((c) => protectedTable.hidden[c]),
      },
      revises: earlier.map((e) => e.id),
    };
  }

  async function build(q: Queryable, request: ReleaseRequest) {
    const organisations = await validate(q, request);
    const built: Awaited<ReturnType<typeof buildTable>>[] = [];
    for (const id of request.tables) built.push(await buildTable(q, id, request));
    const tables = built.map((b) => b.table);
    const document: ReleaseDocument = {
      id: null,
      title: request.title,
      periodFrom: request.periodFrom,
      periodTo: request.periodTo,
      publishedAt: null,
      threshold: minCell,
      organisations,
      method: methodOf(minCell, publicPlaces),
      tables,
      contentHash: createHash('sha256').update(JSON.stringify(tables)).digest('hex'),
    };
    return {
      document,
      counts: Object.fromEntries(request.tables.map((id, i) => [id, built[i]!.counts])),
      revises: [...new Set(built.flatMap((b) => b.revises))],
    };
  }

  /** The release as it would be published now (suppression applied); nothing is stored. */
  async function preview(actor: Actor, request: ReleaseRequest): Promise<ReleaseDocument> {
    requirePublisher(actor);
    return (await build(db, request)).document;
  }

  async function publish(actor: Actor, request: ReleaseRequest, meta: { ip?: string | null } = {}) {
    const orgId = requirePublisher(actor);
    return db.transaction(async (tx) => {
      // One publication at a time, so a revision always sees every earlier release of its period.
      await tx.query('LOCK TABLE stats_releases IN EXCLUSIVE MODE');
      const { document, counts, revises } = await build(tx, request);
      const frozen: ReleaseDocument = { ...document, id: randomUUID(), publishedAt: clock().toISOString() };
      const text = JSON.stringify(frozen);
      await tx.query(
        `INSERT INTO stats_releases (id, title, period_from, period_to, indicators, org_ids, document, content_hash,
           protected_counts, revises, published_by, published_by_org, published_at)
         VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9::jsonb, $10::uuid[], $11, $12, $13)`,
        [
          frozen.id,
          frozen.title,
          frozen.periodFrom,
          frozen.periodTo,
          request.tables,
          document.organisations.map((o) => o.id),
          text,
          frozen.contentHash,
          JSON.stringify(counts),
          revises,
          actor.accountId,
          orgId,
          frozen.publishedAt,
        ],
      );
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'statistics.publish',
        recordType: 'statistics',
        recordId: frozen.id,
        orgId,
        ip: meta.ip ?? null,
        details: {
          title: frozen.title,
          periodFrom: frozen.periodFrom,
          periodTo: frozen.periodTo,
          tables: request.tables.join(','),
          contentHash: frozen.contentHash,
          revises: revises.join(','),
        },
      });
      return frozen;
    });
  }

  async function list(): Promise<
    { id: string; title: string; periodFrom: string; periodTo: string; publishedAt: string }[]
  > {
    const { rows } = await db.query<{ id: string; title: string; period_from: string; period_to: string; at: string }>(
      `SELECT id::text AS id, title, period_from, period_to,
         to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
       FROM stats_releases ORDER BY published_at DESC, id DESC`,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      publishedAt: r.at,
    }));
  }

  /** The frozen document, byte for byte as published. */
  async function documentText(id: string): Promise<string> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
    const { rows } = await db.query<{ document: string }>('SELECT document FROM stats_releases WHERE id = $1', [id]);
    if (!rows[0]) throw new AppError('record.not_found');
    return rows[0].document;
  }

  return { preview, publish, list, documentText, embargoDays };
}

export type ReleasesService = ReturnType<typeof createReleasesService>;

function describe(d: IndicatorDimension, keys: readonly string[]): FrozenTable['dimensions'][number] {
  return {
    id: d.id,
    title: d.title,
    hxl: d.hxl,
    categories: keys.map((key) => ({
      key,
      label: { es: categoryLabel(d.categories, key, 'es'), en: categoryLabel(d.categories, key, 'en') },
    })),
  };
}

/** An earlier release's counts on the new layout: a category it lacked is a published zero there. */
function alignEarlier(counts: StoredCounts, categories: readonly string[][], samePeriod: boolean): EarlierRelease {
  const shape = categories.map((c) => c.length + 1);
  const oldShape = counts.categories.map((c) => c.length + 1);
  const oldStrides = oldShape.map((_, d) => oldShape.slice(d + 1).reduce((a, b) => a * b, 1));
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const size = shape.reduce((a, b) => a * b, 1);
  const hiddenOld = new Set(counts.hidden);
  const values = new Array<number>(size).fill(0);
  const hidden = new Uint8Array(size);
  for (let c = 0; c < size; c++) {
    const coords = coordsOf(c, shape, strides);
    let old = 0;
    let present = true;
    coords.forEach((k, d) => {
      const key = categories[d]![k];
      const at = key === undefined ? counts.categories[d]!.length : counts.categories[d]!.indexOf(key);
      if (at < 0) present = false;
      old += at * oldStrides[d]!;
    });
    if (!present) continue;
    values[c] = counts.values[old]!;
    hidden[c] = hiddenOld.has(old) ? 1 : 0;
  }
  return { values, hidden, samePeriod };
}

function methodOf(threshold: number, places: PublicPlaceLevel): IndicatorText {
  return {
    es: `Datos de las organizaciones participantes, sin registros de confidencialidad restringida ni personas que retiraron su consentimiento estadístico. Se ocultan las celdas con menos de ${threshold} y las que permitirían deducirlas de los totales o de publicaciones anteriores del mismo periodo; una celda oculta va vacía. ${placesMethod(places, 'es')}`,
    en: `Data of the organisations taking part, without records under restricted confidentiality or people who withdrew their consent to statistics. Cells under ${threshold} are hidden, and so are cells that would let them be worked out from totals or from earlier releases of the same period; a hidden cell is empty. ${placesMethod(places, 'en')}`,
  };
}
