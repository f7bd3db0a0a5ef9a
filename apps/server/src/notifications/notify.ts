// The one way to leave an in-app notification (table from migration 0004): every module calls
// these inside its own transaction. A notification holds references only — kind, record type and
// id — never personal data; the bell turns them into links.
import type { Queryable } from '../kernel/db/database.ts';

export interface NewNotification {
  accountId: string;
  orgId: string;
  kind: string;
  recordType: string;
  recordId: string;
  refId?: string | null;
  /** Defaults to the database's now(). */
  at?: Date;
}

export async function addNotification(tx: Queryable, n: NewNotification): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO notifications (account_id, org_id, kind, record_type, record_id, ref_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now())) RETURNING id::text AS id`,
    [n.accountId, n.orgId, n.kind, n.recordType, n.recordId, n.refId ?? null, n.at ?? null],
  );
  return (rows[0] as { id: string }).id;
}

/** One notification for every member of the organisation holding one of `roles`. */
export async function notifyRoles(
  tx: Queryable,
  n: {
    orgId: string;
    roles: readonly string[];
    kind: string;
    recordType: string;
    recordId: string;
    refId?: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO notifications (account_id, org_id, kind, record_type, record_id, ref_id)
     SELECT m.account_id, m.org_id, $3, $4, $5, $6 FROM memberships m WHERE m.org_id = $1 AND m.role = ANY($2::text[])`,
    [n.orgId, [...n.roles], n.kind, n.recordType, n.recordId, n.refId ?? null],
  );
}
