// Places in public releases (decision 0122): the first level (Mexican state, Central American
// department) is kept only for the countries configured; elsewhere a place is published as its
// country, so a department with a handful of acts is not a category of its own in open data.
import { coarsenPlaceKey, type IndicatorDimension, type PublicPlaceLevel } from '@acompana/core';
import type { CountRow } from './stats.queries.ts';

/**
 * ACOMPANA_STATS_PUBLIC_PLACES: "adm1" (every state and department), "country" (every place as
 * its country) or ISO country codes that keep their first level, comma-separated. Default "MX":
 * Mexico by state, Central America by country. Anything else stops the server at start.
 */
export function statsPublicPlaces(env: NodeJS.ProcessEnv = process.env): PublicPlaceLevel {
  const raw = env.ACOMPANA_STATS_PUBLIC_PLACES?.trim();
  if (!raw) return ['MX'];
  if (raw === 'adm1' || raw === 'country') return raw;
  const countries = raw.split(',').map((s) => s.trim().toUpperCase());
  if (countries.some((c) => !/^[A-Z]{2}$/.test(c)))
    throw new Error(`ACOMPANA_STATS_PUBLIC_PLACES must be adm1, country or ISO country codes (MX,GT), got "${raw}"`);
  return countries;
}

/** Rows with every place key coarsened as configured, rows that now coincide summed. */
export function coarsenPlaces(
  dims: readonly IndicatorDimension[],
  rows: readonly CountRow[],
  level: PublicPlaceLevel,
): CountRow[] {
  const at = dims.map((d, i) => (d.categories === 'state' ? i : -1)).filter((i) => i >= 0);
  if (level === 'adm1' || at.length === 0) return [...rows];
  const merged = new Map<string, CountRow>();
  for (const r of rows) {
    const keys = r.keys.map((k, i) => (at.includes(i) ? coarsenPlaceKey(k, level) : k));
    const id = JSON.stringify(keys);
    const before = merged.get(id);
    merged.set(id, { keys, count: (before?.count ?? 0) + r.count });
  }
  return [...merged.values()];
}

/** A filter on a place, as the release publishes it ("state:GT-16" → "state:GT" when coarsened). */
export function coarsenPlaceFilters(
  dims: readonly IndicatorDimension[],
  filters: { dimension: string; key: string }[],
  level: PublicPlaceLevel,
): { dimension: string; key: string }[] {
  return filters.map((f) =>
    dims.find((d) => d.id === f.dimension)?.categories === 'state' ? { ...f, key: coarsenPlaceKey(f.key, level) } : f,
  );
}

/** One sentence of the published method saying how places are coarsened. */
export function placesMethod(level: PublicPlaceLevel, locale: 'es' | 'en'): string {
  if (level === 'adm1')
    return locale === 'es'
      ? 'Los lugares se publican por estado o departamento.'
      : 'Places are published by state or department.';
  if (level === 'country' || level.length === 0)
    return locale === 'es' ? 'Los lugares se publican por país.' : 'Places are published by country.';
  const list = level.join(', ');
  return locale === 'es'
    ? `Los lugares se publican por estado o departamento en ${list}; en los demás países, solo por país.`
    : `Places are published by state or department in ${list}, and only by country elsewhere.`;
}
