// The history of one record as the audit log saw it: who changed what, when. Modules build their
// timelines from it (a procedure's steps and stages) instead of keeping a second copy of events;
// the log is append-only and chained, so the timeline is as trustworthy as the audit itself.
// Only the actions a module names are returned (reads are audited too, but are not history).
import type { Queryable } from '../kernel/db/database.ts';

export interface HistoryEntry {
  at: string;
  action: string;
  actorAccountId: string | null;
  actorName: string | null;
  fields: string[];
  details: Record<string, unknown>;
}

export async function recordHistory(
  db: Queryable,
  input: { recordType: string; recordId: string; actions: readonly string[] },
): Promise<HistoryEntry[]> {
  const { rows } = await db.query<{
    at: Date | string;
    action: string;
    actor_account_id: string | null;
    display_name: string | null;
    fields: string[];
    details: Record<string, unknown>;
  }>(
    `SELECT l.at, l.action, l.actor_account_id::text AS actor_account_id, a.display_name, l.fields, l.details
       FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
      WHERE l.record_type = $1 AND l.record_id = $2 AND l.action = ANY($3::text[])
      ORDER BY l.seq`,
    [input.recordType, input.recordId, [...input.actions]],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    action: r.action,
    actorAccountId: r.actor_account_id,
    actorName: r.display_name,
    fields: r.fields,
    details: r.details ?? {},
  }));
}
