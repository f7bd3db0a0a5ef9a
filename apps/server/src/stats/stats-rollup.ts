// Pre-aggregated dashboard counts for large organisations (decision 0122, migration 0016). A job
// recomputes, per organisation and indicator, the count of every combination of the indicator's
// dimensions and team with the same base query as the live path (so both count alike), and keeps
// it only when the indicator counts at least `minUnits` units: a small organisation is counted
// live and always current; a large one reads a few thousand aggregated rows instead of a million
// records, and its tables say "as of".
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { indicators, type Indicator } from '@acompana/core';
import { countBy, type CountRow } from './stats.queries.ts';
import { blindProbes } from './stats-scope.ts';

export const STATS_ROLLUP_JOB = 'stats.rollup';
/** Below this many counted units an indicator is counted live (tens of milliseconds). */
export const DEFAULT_ROLLUP_MIN_UNITS = 50_000;

export function rollupMinUnits(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ACOMPANA_STATS_ROLLUP_MIN?.trim();
  return raw && /^\d+$/.test(raw) ? Number(raw) : DEFAULT_ROLLUP_MIN_UNITS;
}

const TEAM = 'team_id';

/** Recomputes one organisation's rollup of one indicator; returns the units counted. */
export async function refreshRollup(
  db: Database,
  keyring: Keyring,
  orgId: string,
  indicator: Indicator,
  options: { today: string; minUnits: number },
): Promise<number> {
  const dims = indicator.dimensions.map((d) => d.id);
  // The institution dimension is rolled up at its default level: other levels are counted live.
  const rows = await countBy(db, {
    indicator: indicator.id,
    by: [...dims, TEAM],
    orgId,
    from: null,
    to: null,
    institutionLevel: 'institution',
    today: options.today,
    blind: await blindProbes(db, keyring, indicator.id, orgId),
  });
  const units = rows.reduce((s, r) => s + r.count, 0);
  const keep = units >= options.minUnits;
  const payload = JSON.stringify(
    rows.map((r) => ({ k: r.keys.slice(0, -1), t: r.keys.at(-1) === 'null' ? null : r.keys.at(-1), n: r.count })),
  );
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM stats_rollups WHERE org_id = $1 AND indicator = $2', [orgId, indicator.id]);
    await tx.query('DELETE FROM stats_rollup_state WHERE org_id = $1 AND indicator = $2', [orgId, indicator.id]);
    if (!keep) return;
    await tx.query(
      `INSERT INTO stats_rollups (org_id, indicator, team_id, keys, n)
       SELECT $1, $2, (r->>'t')::uuid, ARRAY(SELECT jsonb_array_elements_text(r->'k')), (r->>'n')::int FROM jsonb_array_elements($3::jsonb) AS r`,
      [orgId, indicator.id, payload],
    );
    await tx.query(
      'INSERT INTO stats_rollup_state (org_id, indicator, computed_at, units) VALUES ($1, $2, now(), $3)',
      [orgId, indicator.id, units],
    );
  });
  return units;
}

/** The job: every organisation, every indicator. */
export async function refreshAllRollups(
  db: Database,
  keyring: Keyring,
  options: { today: string; minUnits: number },
): Promise<{ kept: number }> {
  const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM organisations ORDER BY id');
  let kept = 0;
  for (const org of rows) {
    for (const indicator of indicators)
      if ((await refreshRollup(db, keyring, org.id, indicator, options)) >= options.minUnits) kept += 1;
  }
  return { kept };
}

export interface RollupQuery {
  indicator: Indicator;
  by: readonly string[];
  orgId: string;
  from: string | null;
  to: string | null;
  teamId: string | null;
  filters: readonly { dimension: string; key: string }[];
}

/** Counts from the rollup, or null when the organisation's indicator is counted live. */
export async function rollupCounts(db: Queryable, q: RollupQuery): Promise<{ rows: CountRow[]; asOf: string } | null> {
  const state = await db.query<{ computed_at: Date | string; width: number | null }>(
    `SELECT s.computed_at, (SELECT cardinality(r.keys) FROM stats_rollups r WHERE r.org_id = s.org_id AND r.indicator = s.indicator LIMIT 1) AS width
       FROM stats_rollup_state s WHERE s.org_id = $1 AND s.indicator = $2`,
    [q.orgId, q.indicator.id],
  );
  const computedAt = state.rows[0]?.computed_at;
  // Keys are positional: a rollup computed before the indicator's dimensions changed (until the
  // next refresh) would be read at the wrong positions, so it is counted live instead.
  if (!computedAt || Number(state.rows[0]?.width) !== q.indicator.dimensions.length) return null;
  const pos = (id: string) => q.indicator.dimensions.findIndex((d) => d.id === id) + 1; // SQL arrays start at 1
  const month = pos('month');
  if ((q.from || q.to) && month === 0) return null;
  const params: unknown[] = [q.orgId, q.indicator.id];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = ['org_id = $1', 'indicator = $2'];
  if (q.teamId) where.push(`team_id = ${add(q.teamId)}::uuid`);
  if (q.from) where.push(`keys[${month}] >= ${add(q.from)}`);
  if (q.to) where.push(`keys[${month}] <= ${add(q.to)}`);
  for (const f of q.filters) where.push(`keys[${pos(f.dimension)}] = ${add(f.key)}`);
  const cols = q.by.map((d, i) => `keys[${pos(d)}] AS k${i}`);
  const sql = q.by.length
    ? `SELECT ${cols.join(', ')}, sum(n)::int AS n FROM stats_rollups WHERE ${where.join(' AND ')} GROUP BY ${q.by.map((_, i) => i + 1).join(', ')}`
    : `SELECT coalesce(sum(n), 0)::int AS n FROM stats_rollups WHERE ${where.join(' AND ')}`;
  const { rows } = await db.query<Record<string, string | number>>(sql, params);
  return {
    rows: rows
      .map((r) => ({ keys: q.by.map((_, i) => String(r[`k${i}`])), count: Number(r.n) }))
      .filter((r) => r.count > 0),
    asOf: new Date(computedAt).toISOString(),
  };
}
