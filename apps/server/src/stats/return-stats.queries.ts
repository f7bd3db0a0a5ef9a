// Base queries of the referral, reintegration and family indicators (decision 0120): one row per
// counted unit, one column per dimension plus the record's team; clear, coarse columns only.
import type { CountQuery, Params } from './stats.queries.ts';
import { periodWhere } from './stats.queries.ts';

const orgWhere = (p: Params, column: string, q: CountQuery): string[] => (q.orgId ? [`${column} = ${p.add(q.orgId)}::uuid`] : []);
const whereOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/**
 * Referrals SENT, by type of need (the reintegration plan's area, else the receiving service's
 * need term), result and time from sending to completion, in the month sent.
 */
function flowBase(p: Params, q: CountQuery): string {
  const local = '(r.created_at AT TIME ZONE o.time_zone)';
  const days = 'extract(epoch FROM (r.closed_at - r.created_at)) / 86400';
  return `SELECT coalesce(
        (SELECT min(pr.area) FROM reintegration_plan_referrals pr WHERE pr.referral_id = r.id),
        (SELECT min(t.code) FROM hsds_attributes x JOIN hsds_taxonomy_terms t ON t.id = x.taxonomy_term_id WHERE x.service_id = r.to_service_id AND t.taxonomy = 'acompana-needs'),
        'unknown') AS type,
      CASE r.status WHEN 'sent' THEN 'pending' ELSE r.status END AS result,
      CASE WHEN r.status <> 'completed' OR r.closed_at IS NULL THEN 'not_completed' WHEN ${days} <= 7 THEN 'd0_7' WHEN ${days} <= 30 THEN 'd8_30'
        WHEN ${days} <= 90 THEN 'd31_90' ELSE 'd91_plus' END AS time,
      r.team_id, to_char(${local}, 'YYYY-MM') AS month
    FROM referrals r JOIN organisations o ON o.id = r.from_org_id
    ${whereOf([...orgWhere(p, 'r.from_org_id', q), ...periodWhere(p, `${local}::date`, q)])}`;
}

/** Follow-ups done, by milestone and the person's situation, in the month done. */
function outcomesBase(p: Params, q: CountQuery): string {
  return `SELECT f.milestone::text AS milestone, f.outcome, r.team_id, to_char(f.done_on, 'YYYY-MM') AS month
    FROM reintegration_follow_ups f JOIN reintegration_receptions r ON r.id = f.reception_id
    ${whereOf(['f.done_on IS NOT NULL', ...orgWhere(p, 'f.org_id', q), ...periodWhere(p, 'f.done_on', q)])}`;
}

/** Family files by status, in the month reunified (the month opened while still separated). */
function familiesBase(p: Params, q: CountQuery): string {
  const date = '(coalesce(f.reunified_on, (f.created_at AT TIME ZONE o.time_zone)::date))';
  return `SELECT f.status, f.team_id, to_char(${date}, 'YYYY-MM') AS month
    FROM families f JOIN organisations o ON o.id = f.org_id
    ${whereOf([...orgWhere(p, 'f.org_id', q), ...periodWhere(p, date, q)])}`;
}

export const returnBases: Record<string, (p: Params, q: CountQuery) => string> = {
  'referrals.flow': flowBase,
  'reintegration.outcomes': outcomesBase,
  'families.reunified': familiesBase,
};
