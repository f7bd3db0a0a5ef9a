// The SQL of the indicators: one GROUP BY per request over coarse clear columns, never rows into
// memory and never an encrypted column. Each indicator has a base query with one column per
// dimension (named after the dimension id) and one row per counted unit; the count groups it.
import type { Queryable } from '../kernel/db/database.ts';
import { institutionRollup, type InstitutionLevel } from '@acompana/core';
import { careBases } from './care-stats.queries.ts';
import { returnBases } from './return-stats.queries.ts';

export interface CountQuery {
  indicator: string;
  /** Dimension ids, already checked against the indicator (they are column names). */
  by: readonly string[];
  /** One organisation's data, or null for every organisation (public release). */
  orgId: string | null;
  /** First and last month included, 'YYYY-MM'. */
  from: string | null;
  to: string | null;
  institutionLevel: InstitutionLevel;
  /** Today, 'YYYY-MM-DD': an open step due before today is missed. */
  today: string;
  /** One team's records only (the per-team dashboard), decision 0122. */
  teamId?: string | null;
  /** Dimension = category filters (a place, a status), ids already checked against the indicator. */
  filters?: readonly { dimension: string; key: string }[];
  /** Blind-index probes of the organisations in scope: (organisation, HMAC, category key). */
  blind?: BlindProbes;
  /**
   * A network release (decision 0127): only the organisations taking part, never a restricted
   * record nor a level an organisation keeps out, never a person who withdrew statistics consent.
   */
  release?: { orgIds: readonly string[] };
}

export interface BlindProbes {
  orgs: string[];
  bis: string[];
  keys: string[];
}

export interface CountRow {
  keys: string[];
  count: number;
}

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function periodWhere(p: Params, dateExpr: string, q: CountQuery): string[] {
  const where: string[] = [];
  if (q.from) where.push(`${dateExpr} >= ${p.add(`${q.from}-01`)}::date`);
  if (q.to) where.push(`${dateExpr} < (${p.add(`${q.to}-01`)}::date + interval '1 month')`);
  return where;
}

/** People whose latest statistics consent is withdrawn (a withdrawn one and no active one). */
const WITHDRAWN_PEOPLE = `(SELECT person_id FROM person_consents WHERE purpose = 'statistics' AND withdrawn_at IS NOT NULL
  EXCEPT SELECT person_id FROM person_consents WHERE purpose = 'statistics' AND withdrawn_at IS NULL)`;

/** Release conditions on an incident event `e` and its act `a` (decision 0127). */
function releaseActsWhere(p: Params, q: CountQuery): string[] {
  if (!q.release) return [];
  return [
    `a.org_id = ANY(${p.add(q.release.orgIds)}::uuid[])`,
    `e.confidentiality <> 'restricted'`,
    `NOT EXISTS (SELECT 1 FROM stats_participation sp WHERE sp.org_id = e.org_id AND e.confidentiality = ANY(sp.exclude_levels))`,
    `NOT EXISTS (SELECT 1 FROM incident_act_victims av JOIN incident_victims v ON v.id = av.victim_id
      WHERE av.act_id = a.id AND v.person_id IN ${WITHDRAWN_PEOPLE})`,
  ];
}

/** State key: the OCHA admin-1 P-code for Mexico ("MX07"), the recorded subdivision elsewhere. */
export const stateKey = (country: string, code: string): string =>
  `CASE WHEN ${code} IS NULL OR ${code} = '' THEN 'unknown' WHEN ${country} = 'MX' THEN 'MX' || ${code}
    WHEN ${code} LIKE ${country} || '-%' THEN ${code} ELSE ${country} || '-' || ${code} END`;

/**
 * The acts whose date (their own, else their event's start) falls in the period, found through
 * the indexes of migration 0080 rather than by reading every act (decision 0141); without a
 * closed period, every act. The outer WHERE still applies the period, so this only narrows.
 */
function actsOfPeriod(p: Params, q: CountQuery): string {
  if (!q.from || !q.to) return 'incident_acts';
  const from = `${p.add(`${q.from}-01`)}::date`;
  const to = `(${p.add(`${q.to}-01`)}::date + interval '1 month')`;
  return `(SELECT a0.* FROM incident_acts a0 WHERE a0.act_date >= ${from} AND a0.act_date < ${to}
    UNION ALL SELECT a0.* FROM incident_acts a0 JOIN incident_events e0 ON e0.id = a0.event_id
      WHERE a0.act_date IS NULL AND e0.start_date >= ${from} AND e0.start_date < ${to})`;
}

function actsBase(p: Params, q: CountQuery): string {
  const rollup = institutionRollup(q.institutionLevel);
  // One act, one institution: an act by perpetrators of several institutions (at the chosen level)
  // is counted once under "multiple", an act without a perpetrator under "unknown". The table
  // stays additive: every act is in exactly one cell.
  const institution = `(SELECT CASE count(DISTINCT m.up) WHEN 0 THEN 'unknown' WHEN 1 THEN min(m.up) ELSE 'multiple' END
      FROM incident_act_perpetrators ap JOIN incident_perpetrators pp ON pp.id = ap.perpetrator_id
      JOIN unnest(${p.add(rollup.keys)}::text[], ${p.add(rollup.rolledUp)}::text[]) AS m(key, up) ON m.key = pp.institution
      WHERE ap.act_id = a.id)`;
  const date = 'coalesce(a.act_date, e.start_date)';
  const where = [
    ...(q.orgId ? [`a.org_id = ${p.add(q.orgId)}`] : []),
    ...periodWhere(p, date, q),
    ...releaseActsWhere(p, q),
  ];
  return `SELECT a.act_type AS type, ${institution} AS institution, e.team_id, ${stateKey('e.country', 'coalesce(a.state_code, e.state_code)')} AS state,
      to_char(${date}, 'YYYY-MM') AS month
    FROM ${actsOfPeriod(p, q)} a JOIN incident_events e ON e.id = a.event_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

function peopleBase(p: Params, q: CountQuery): string {
  const local = '(p.created_at AT TIME ZONE o.time_zone)';
  // Age at registration, in the bands of the statistics engine (AGE_GROUPS).
  const age = `(extract(year FROM ${local})::int - p.birth_year)`;
  const where = [
    'p.deleted_at IS NULL',
    ...(q.orgId ? [`p.org_id = ${p.add(q.orgId)}`] : []),
    ...periodWhere(p, `${local}::date`, q),
    // The same period on the registration instant, two days wider (any time zone), for the index.
    ...(q.from ? [`p.created_at >= ${p.add(`${q.from}-01`)}::date - interval '2 days'`] : []),
    ...(q.to ? [`p.created_at < ${p.add(`${q.to}-01`)}::date + interval '1 month 2 days'`] : []),
    ...(q.release ? [`p.org_id = ANY(${p.add(q.release.orgIds)}::uuid[])`, `p.id NOT IN ${WITHDRAWN_PEOPLE}`] : []),
  ];
  return `SELECT coalesce(p.nationality, 'unknown') AS nationality, coalesce(p.sex, 'unknown') AS sex, p.team_id,
      CASE WHEN p.birth_year IS NULL OR ${age} < 0 THEN 'unknown' WHEN ${age} < 5 THEN '0-4' WHEN ${age} < 12 THEN '5-11'
        WHEN ${age} < 18 THEN '12-17' WHEN ${age} < 30 THEN '18-29' WHEN ${age} < 60 THEN '30-59' ELSE '60+' END AS age,
      to_char(${local}, 'YYYY-MM') AS month
    FROM people p JOIN organisations o ON o.id = p.org_id
    WHERE ${where.join(' AND ')}`;
}

function deadlinesBase(p: Params, q: CountQuery): string {
  const where = [
    's.due_date IS NOT NULL',
    ...(q.orgId ? [`s.org_id = ${p.add(q.orgId)}`] : []),
    ...periodWhere(p, 's.due_date', q),
    ...(q.release
      ? [`s.org_id = ANY(${p.add(q.release.orgIds)}::uuid[])`, `pr.person_id NOT IN ${WITHDRAWN_PEOPLE}`]
      : []),
  ];
  return `SELECT pr.type AS type, pr.team_id,
      CASE WHEN s.completed_on IS NOT NULL AND s.completed_on <= s.due_date THEN 'met'
        WHEN s.completed_on IS NOT NULL OR s.due_date < ${p.add(q.today)}::date THEN 'missed' ELSE 'pending' END AS outcome,
      to_char(s.due_date, 'YYYY-MM') AS month
    FROM procedure_steps s JOIN procedures pr ON pr.id = s.procedure_id
    WHERE ${where.join(' AND ')}`;
}

const bases: Record<string, (p: Params, q: CountQuery) => string> = {
  'incidents.acts': actsBase,
  'people.registered': peopleBase,
  'procedures.deadlines': deadlinesBase,
  ...careBases,
  ...returnBases,
};

/** Counts per combination of the `by` dimensions (only combinations that occur). */
export async function countBy(db: Queryable, q: CountQuery): Promise<CountRow[]> {
  const base = bases[q.indicator];
  if (!base) throw new Error(`no query for indicator ${q.indicator}`);
  const p = new Params();
  const from = base(p, q);
  // Team and category filters on the base's columns, so a filtered count is still one GROUP BY.
  const where = [
    ...(q.teamId ? [`s.team_id = ${p.add(q.teamId)}`] : []),
    ...(q.filters ?? []).map((f) => `s.${f.dimension}::text = ${p.add(f.key)}`),
  ];
  const filtered = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const cols = q.by.map((d, i) => `s.${d}::text AS k${i}`);
  const sql = q.by.length
    ? `SELECT ${cols.join(', ')}, count(*)::int AS n FROM (${from}) s${filtered} GROUP BY ${q.by.map((_, i) => i + 1).join(', ')}`
    : `SELECT count(*)::int AS n FROM (${from}) s${filtered}`;
  const { rows } = await db.query<Record<string, string | number>>(sql, p.values);
  return rows
    .map((r) => ({ keys: q.by.map((_, i) => String(r[`k${i}`])), count: Number(r.n) }))
    .filter((r) => r.count > 0);
}
