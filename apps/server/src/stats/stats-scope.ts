// Filters, blind-index probes and slices of the statistics tables (decision 0122).
import {
  categoryLabel,
  childAloneIndicators,
  dimensionOf,
  MULTI_VALUED_INDICATORS,
  profileIndicators,
  protectionFlagKeys,
  safeCellAt,
} from '@acompana/core';
import type { Indicator, IndicatorDimension, IndicatorLocale, SafeTable } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { AppError } from '../kernel/errors.ts';
import type { BlindProbes } from './stats.queries.ts';
import { blindIndexOf } from './care-stats.queries.ts';
import { coordinates, type ViewCell } from './stats-table.ts';

const MAX_FILTERS = 3;

/** "state:MX07,sex:F" → checked (dimension, key) pairs; a dimension of the indicator, a plain key. */
export function parseFilters(indicator: Indicator, raw: string | undefined): { dimension: string; key: string }[] {
  if (!raw) return [];
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > MAX_FILTERS)
    throw new AppError('stats.invalid_filter', { field: 'filter', params: { value: raw } });
  const seen = new Set<string>();
  return parts.map((part) => {
    const m = /^([a-z_]+):([A-Za-z0-9_+.-]{1,40})$/.exec(part);
    if (!m || !dimensionOf(indicator, m[1]!) || seen.has(m[1]!))
      throw new AppError('stats.invalid_filter', { field: 'filter', params: { value: part } });
    seen.add(m[1]!);
    return { dimension: m[1]!, key: m[2]! };
  });
}

export function checkFiltersAgainstBreakdown(
  filters: readonly { dimension: string }[],
  dims: readonly IndicatorDimension[],
): void {
  for (const f of filters)
    if (dims.some((d) => d.id === f.dimension))
      throw new AppError('stats.filter_in_breakdown', { field: 'filter', params: { value: f.dimension } });
}

export function describeFilters(
  indicator: Indicator,
  filters: readonly { dimension: string; key: string }[],
  locale: IndicatorLocale,
): { dimension: string; key: string; label: string }[] {
  return filters.map((f) => ({
    ...f,
    label: categoryLabel(dimensionOf(indicator, f.dimension)!.categories, f.key, locale),
  }));
}

/** Index (in `dims`) of the dimension whose total would count a unit several times, or null. */
export function notAdditive(indicator: Indicator, dims: readonly IndicatorDimension[]): number | null {
  if (!MULTI_VALUED_INDICATORS.includes(indicator.id)) return null;
  const first = indicator.dimensions[0]!.id;
  const at = dims.findIndex((d) => d.id === first);
  return at >= 0 ? at : null;
}

/**
 * The blind-index probes (organisation, HMAC of the category key with that organisation's index
 * key, category key) of an indicator counted through a blind index; `orgId` null = every
 * organisation. An unaccompanied or separated child also counts as a child (profile.ts).
 */
export async function blindProbes(
  db: Queryable,
  keyring: Keyring,
  indicatorId: string,
  orgId: string | null,
): Promise<BlindProbes | undefined> {
  const spec = blindIndexOf[indicatorId];
  if (!spec) return undefined;
  const orgs = orgId
    ? [orgId]
    : (await db.query<{ id: string }>('SELECT id::text AS id FROM organisations ORDER BY id')).rows.map((r) => r.id);
  const pairs: [string, string][] =
    indicatorId === 'people.profile'
      ? [
          ...profileIndicators.filter((i) => i.source !== 'derived').map((i): [string, string] => [i.key, i.key]),
          ...childAloneIndicators.map((k): [string, string] => [k, 'child']),
        ]
      : protectionFlagKeys.map((k): [string, string] => [k, k]);
  const out: BlindProbes = { orgs: [], bis: [], keys: [] };
  for (const org of orgs) {
    const bis = await keyring.blindIndex(
      org,
      spec.context,
      pairs.map((p) => p[0]),
    );
    bis.forEach((bi, i) => {
      out.orgs.push(org);
      out.bis.push(bi);
      out.keys.push(pairs[i]![1]);
    });
  }
  return out;
}

/** A view of a protected table with some dimensions fixed at a category (a filter = a slice). */
export function sliceOf(
  table: SafeTable,
  picked: readonly number[],
  fixed: readonly { dim: number; at: number }[],
): { shape: number[]; cells: ViewCell[] } {
  const shape = picked.map((d) => table.shape[d]!);
  const cells = coordinates(shape).map((coords) => {
    const full: (number | 'total')[] = table.shape.map(() => 'total');
    for (const f of fixed) full[f.dim] = f.at;
    picked.forEach((d, j) => (full[d] = coords[j]!));
    return { coords, cell: safeCellAt(table, full) };
  });
  return { shape, cells };
}
