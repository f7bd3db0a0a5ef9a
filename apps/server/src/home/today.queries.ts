// SQL of the "Hoy" home (decision 0134): only ids, keys, dates and statuses, never personal data.
import type { Queryable } from '../kernel/db/database.ts';

/** Whose records a list covers, as the list's own module decides it (listScope of can()). */
export interface OwnScope {
  scope: 'own' | 'team' | 'org';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

/** How many rows a card has in all, and the first `limit` of them (the same FROM … WHERE for both). */
async function countAndFirst<Row>(
  db: Queryable,
  select: string,
  base: string,
  order: string,
  params: readonly unknown[],
  limit: number,
): Promise<{ rows: Row[]; count: number }> {
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params);
  const { rows } = await db.query<Row>(`SELECT ${select} ${base} ORDER BY ${order} LIMIT ${Math.trunc(limit)}`, params);
  return { rows, count: count.rows[0]?.n ?? 0 };
}

function scoped(s: OwnScope, alias: string, params: unknown[], owner = 'owner_account_id'): string {
  params.push(s.orgId);
  const org = `${alias}.org_id = $${params.length}`;
  if (s.scope === 'org') return org;
  params.push(s.accountId);
  const own = `${alias}.${owner} = $${params.length}`;
  if (s.scope === 'own') return `${org} AND ${own}`;
  params.push(s.teamIds);
  return `${org} AND (${own} OR ${alias}.team_id = ANY($${params.length}::uuid[]))`;
}

export interface TaskRow {
  case_id: string;
  task_key: string | null;
  due_on: string;
}

/** Open tasks assigned to the account, due by `until`, in cases it may read; earliest first. */
export async function myTasksDue(
  db: Queryable,
  s: OwnScope,
  until: string,
  limit: number,
): Promise<{ rows: TaskRow[]; count: number }> {
  const params: unknown[] = [];
  // A case is its assigned caseworker's (cases.queries).
  const where = scoped(s, 'c', params, 'assigned_account_id');
  params.push(s.accountId, until);
  const base = `FROM case_tasks t JOIN cases c ON c.id = t.case_id
     WHERE ${where} AND t.owner_account_id = $${params.length - 1} AND NOT t.done
       AND c.status <> 'closed' AND t.due_on IS NOT NULL AND t.due_on <= $${params.length}::date`;
  return countAndFirst<TaskRow>(
    db,
    `c.id::text AS case_id, t.task_key, to_char(t.due_on, 'YYYY-MM-DD') AS due_on`,
    base,
    't.due_on, t.id',
    params,
    limit,
  );
}

export interface FollowUpRow {
  reception_id: string;
  milestone: number;
  due_on: string;
}

/** Follow-ups of returnees not yet done and due by `until`, in receptions the account may read. */
export async function followUpsDue(
  db: Queryable,
  s: OwnScope,
  until: string,
  limit: number,
): Promise<{ rows: FollowUpRow[]; count: number }> {
  const params: unknown[] = [];
  const where = scoped(s, 'r', params);
  params.push(until);
  const base = `FROM reintegration_follow_ups f JOIN reintegration_receptions r ON r.id = f.reception_id
     WHERE ${where} AND f.done_on IS NULL AND f.due_on <= $${params.length}::date`;
  return countAndFirst<FollowUpRow>(
    db,
    `r.id::text AS reception_id, f.milestone, to_char(f.due_on, 'YYYY-MM-DD') AS due_on`,
    base,
    'f.due_on, f.id',
    params,
    limit,
  );
}

export interface IncomingRow {
  id: string;
  urgency: string;
  due_at: Date | string;
  from_org_name: string;
}

/** Referrals received by the organisation and not yet answered, the soonest due first. */
export async function referralsAwaitingAnswer(
  db: Queryable,
  orgId: string,
  limit: number,
): Promise<{ rows: IncomingRow[]; count: number }> {
  const base = `FROM referrals r JOIN organisations fo ON fo.id = r.from_org_id
     WHERE r.to_org_id = $1 AND r.status = 'sent'`;
  return countAndFirst<IncomingRow>(
    db,
    `r.id::text AS id, r.urgency, r.due_at, fo.name AS from_org_name`,
    base,
    'r.due_at, r.id',
    [orgId],
    limit,
  );
}

/** Match candidates waiting for a person's review, on reports the account may read. */
export async function pendingMatches(db: Queryable, s: OwnScope): Promise<number> {
  const params: unknown[] = [];
  const where = scoped(s, 'r', params);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM match_candidates m JOIN missing_reports r ON r.id = m.report_id
      WHERE ${where} AND m.org_id = r.org_id AND m.review_status = 'pending'`,
    params,
  );
  return rows[0]?.n ?? 0;
}
