// Base queries of the care, protection and search indicators (decision 0122): one row per counted
// unit with one column per dimension and the record's team (per-team dashboards). Only clear,
// coarse columns and blind indexes are read; profile indicators and screening flags are counted
// by joining the blind index (HMAC with each organisation's index key) to the probes the service
// computed for the organisations in scope, so no encrypted value is ever opened to count.
import type { CountQuery, Params } from './stats.queries.ts';
import { periodWhere } from './stats.queries.ts';

/** Age band at a date (the 0106 bands), from the clear birth year. */
const ageBand = (yearExpr: string, birthYear: string): string => {
  const age = `(${yearExpr} - ${birthYear})`;
  return `CASE WHEN ${birthYear} IS NULL OR ${age} < 0 THEN 'unknown' WHEN ${age} < 5 THEN '0-4' WHEN ${age} < 12 THEN '5-11'
    WHEN ${age} < 18 THEN '12-17' WHEN ${age} < 30 THEN '18-29' WHEN ${age} < 60 THEN '30-59' ELSE '60+' END`;
};

const orgWhere = (p: Params, column: string, q: CountQuery): string[] =>
  q.orgId ? [`${column} = ${p.add(q.orgId)}::uuid`] : [];
const probes = (p: Params, q: CountQuery): string =>
  `unnest(${p.add(q.blind?.orgs ?? [])}::uuid[], ${p.add(q.blind?.bis ?? [])}::text[], ${p.add(q.blind?.keys ?? [])}::text[]) AS m(org, bi, key)`;

/**
 * People by profile indicator: recorded indicators through people.profile_bi, derived ones from
 * clear facts at registration (child under 18 or a recorded unaccompanied/separated child, whose
 * probes map to 'child'; older person 60+; woman = sex F or recorded). UNION keeps one row per
 * person and indicator.
 */
function profileBase(p: Params, q: CountQuery): string {
  const local = '(p.created_at AT TIME ZONE o.time_zone)';
  const age = `(extract(year FROM ${local})::int - p.birth_year)`;
  const where = ['p.deleted_at IS NULL', ...orgWhere(p, 'p.org_id', q), ...periodWhere(p, `${local}::date`, q)];
  return `SELECT k.key AS profile, coalesce(p.sex, 'unknown') AS sex, ${ageBand(`extract(year FROM ${local})::int`, 'p.birth_year')} AS age,
      p.team_id, to_char(${local}, 'YYYY-MM') AS month
    FROM people p JOIN organisations o ON o.id = p.org_id
    CROSS JOIN LATERAL (
      SELECT m.key FROM unnest(p.profile_bi) AS b(bi) JOIN ${probes(p, q)} ON m.org = p.org_id AND m.bi = b.bi
      UNION SELECT 'child' WHERE ${age} BETWEEN 0 AND 17
      UNION SELECT 'older_person' WHERE ${age} >= 60
      UNION SELECT 'woman' WHERE p.sex = 'F'
    ) k
    WHERE ${where.join(' AND ')}`;
}

/** People with a protection flag: counted once per flag, in the month a screening first raised it. */
function flagsBase(p: Params, q: CountQuery): string {
  const local = '(s.recorded_at AT TIME ZONE o.time_zone)';
  const where = ['p.deleted_at IS NULL', ...orgWhere(p, 's.org_id', q)];
  const first = `SELECT DISTINCT ON (s.person_id, m.key) m.key AS flag, coalesce(p.sex, 'unknown') AS sex,
      ${ageBand(`extract(year FROM ${local})::int`, 'p.birth_year')} AS age, p.team_id, ${local}::date AS day
    FROM screenings s JOIN people p ON p.id = s.person_id JOIN organisations o ON o.id = s.org_id
    CROSS JOIN LATERAL unnest(s.flag_bi) AS b(bi) JOIN ${probes(p, q)} ON m.org = s.org_id AND m.bi = b.bi
    WHERE ${where.join(' AND ')}
    ORDER BY s.person_id, m.key, s.recorded_at`;
  const period = periodWhere(p, 'f.day', q);
  return `SELECT f.flag, f.sex, f.age, f.team_id, to_char(f.day, 'YYYY-MM') AS month FROM (${first}) f${period.length ? ` WHERE ${period.join(' AND ')}` : ''}`;
}

/** Procedures by type and current stage, in the month they were opened. */
function stagesBase(p: Params, q: CountQuery): string {
  const local = '(pr.created_at AT TIME ZONE o.time_zone)';
  const where = [...orgWhere(p, 'pr.org_id', q), ...periodWhere(p, `${local}::date`, q)];
  return `SELECT pr.type, pr.stage, pr.team_id, to_char(${local}, 'YYYY-MM') AS month
    FROM procedures pr JOIN organisations o ON o.id = pr.org_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** Missing-person reports by status (open, located alive, located deceased, closed). */
function missingBase(p: Params, q: CountQuery): string {
  const local = '(r.created_at AT TIME ZONE o.time_zone)';
  const where = [...orgWhere(p, 'r.org_id', q), ...periodWhere(p, `${local}::date`, q)];
  return `SELECT r.status, coalesce(r.nationality, 'unknown') AS nationality, coalesce(r.sex, 'unknown') AS sex, r.team_id,
      to_char(${local}, 'YYYY-MM') AS month
    FROM missing_reports r JOIN organisations o ON o.id = r.org_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** Cases by status and whether they are child-protection cases, in the month they were opened. */
function casesBase(p: Params, q: CountQuery): string {
  const local = '(c.opened_at AT TIME ZONE o.time_zone)';
  const where = [...orgWhere(p, 'c.org_id', q), ...periodWhere(p, `${local}::date`, q)];
  return `SELECT c.status, CASE WHEN c.child_protection THEN 'yes' ELSE 'no' END AS child, c.team_id, to_char(${local}, 'YYYY-MM') AS month
    FROM cases c JOIN organisations o ON o.id = c.org_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * Referrals SENT by the organisation, in the month sent: status now, urgency, type of need (the
 * reintegration plan's area, else the receiving service's need term) and days from sending to
 * completion. The one referral indicator (it replaced the separate `referrals.flow`).
 */
function referralsBase(p: Params, q: CountQuery): string {
  const local = '(r.created_at AT TIME ZONE o.time_zone)';
  const days = 'extract(epoch FROM (r.closed_at - r.created_at)) / 86400';
  const where = [...orgWhere(p, 'r.from_org_id', q), ...periodWhere(p, `${local}::date`, q)];
  return `SELECT r.status, r.urgency,
      coalesce(
        (SELECT min(pr.area) FROM reintegration_plan_referrals pr WHERE pr.referral_id = r.id),
        (SELECT min(t.code) FROM hsds_attributes x JOIN hsds_taxonomy_terms t ON t.id = x.taxonomy_term_id WHERE x.service_id = r.to_service_id AND t.taxonomy = 'acompana-needs'),
        'unknown') AS type,
      CASE WHEN r.status <> 'completed' OR r.closed_at IS NULL THEN 'not_completed' WHEN ${days} <= 7 THEN 'd0_7' WHEN ${days} <= 30 THEN 'd8_30'
        WHEN ${days} <= 90 THEN 'd31_90' ELSE 'd91_plus' END AS time,
      r.team_id, to_char(${local}, 'YYYY-MM') AS month
    FROM referrals r JOIN organisations o ON o.id = r.from_org_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

export const careBases: Record<string, (p: Params, q: CountQuery) => string> = {
  'people.profile': profileBase,
  'screenings.flags': flagsBase,
  'procedures.stages': stagesBase,
  'missing.reports': missingBase,
  'cases.status': casesBase,
  'referrals.status': referralsBase,
};

/** Which blind index an indicator's first dimension is counted through, if any. */
export const blindIndexOf: Record<string, { context: string } | undefined> = {
  'people.profile': { context: 'people.profile_indicator' },
  'screenings.flags': { context: 'screening.flag' },
};
