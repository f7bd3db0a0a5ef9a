// Calls of the statistics API. The table is the shape of GET /api/stats/:indicator (tableSchema in
// apps/server/src/stats/stats.routes.ts); only the fields the dashboard reads are typed here.
import { apiRequest } from '../../api/client';

export interface StatsCatalogue {
  indicators: {
    id: string;
    title: string;
    unit: string;
    network: string[];
    dimensions: { id: string; title: string }[];
  }[];
  teams: { id: string; name: string }[];
}

export interface StatsTableView {
  indicator: string;
  title: string;
  unit: string;
  scope: 'organisation' | 'team' | 'network';
  threshold: number;
  /** Set when the counts come from the pre-aggregated rollup (large organisations). */
  asOf?: string | null;
  dimensions: { id: string; title: string; categories: { key: string; label: string }[] }[];
  cells: { keys: (string | null)[]; count: number | null; flag: 'small' | 'suppressed' | 'not_additive' | null }[];
  method: string;
}

export interface StatsQuery {
  indicator: string;
  scope: 'organisation' | 'team' | 'network';
  team?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  state?: string | undefined;
}

export function statsParams(q: StatsQuery, by: string, options: { withState: boolean }): string {
  const search = new URLSearchParams({ by });
  if (q.scope === 'network') search.set('scope', 'network');
  if (q.scope === 'team' && q.team) search.set('team', q.team);
  if (q.from) search.set('from', q.from);
  if (q.to) search.set('to', q.to);
  if (options.withState && q.state) search.set('filter', `state:${q.state}`);
  return search.toString();
}

export const statisticsApi = {
  catalogue: (signal?: AbortSignal) => apiRequest<StatsCatalogue>('GET', '/api/stats', { signal }),
  table: (q: StatsQuery, by: string, withState: boolean, signal?: AbortSignal) =>
    apiRequest<StatsTableView>(
      'GET',
      `/api/stats/${encodeURIComponent(q.indicator)}?${statsParams(q, by, { withState })}`,
      { signal },
    ),
  exportUrl: (q: StatsQuery, by: string, format: 'csv' | 'json' | 'xlsx', lang: string) =>
    `/api/stats/${encodeURIComponent(q.indicator)}/export?${statsParams(q, by, { withState: true })}&format=${format}&lang=${lang}`,
};

/** The cells of a one-dimension table as chart data (the total left out), labels from the table. */
export function seriesOf(table: StatsTableView): { key: string; label: string; value: number | null }[] {
  const dim = table.dimensions[0];
  if (!dim) return [];
  const labels = new Map(dim.categories.map((c) => [c.key, c.label]));
  return table.cells
    .filter((c) => c.keys[0] !== null)
    .map((c) => ({ key: c.keys[0]!, label: labels.get(c.keys[0]!) ?? c.keys[0]!, value: c.count }));
}

/** The grand total of a table, or null when hidden / not additive. */
export function totalOf(table: StatsTableView): number | null {
  return table.cells.find((c) => c.keys.every((k) => k === null))?.count ?? null;
}
