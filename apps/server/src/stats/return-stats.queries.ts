// Base queries of the referral, reintegration and family indicators (decision 0120): one row per
// counted unit, one column per dimension plus the record's team; clear, coarse columns only.
import type { CountQuery, Params } from './stats.queries.ts';
import { periodWhere } from './stats.queries.ts';

const orgWhere = (p: Params, column: string, q: CountQuery): string[] =>
  q.orgId ? [`${column} = ${p.add(q.orgId)}::uuid`] : [];
const whereOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

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
  'reintegration.outcomes': outcomesBase,
  'families.reunified': familiesBase,
};
