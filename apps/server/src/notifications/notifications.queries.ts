// SQL of in-app notifications (table from migration 0004, reminders from 0010). Notifications hold
// references only; the list joins what the staff app needs to link to the record.
import type { Queryable } from '../kernel/db/database.ts';
import { addNotification } from './notify.ts';

export interface NotificationListRow {
  id: string;
  kind: string;
  record_type: string;
  record_id: string;
  ref_id: string | null;
  created_at: Date | string;
  /** created_at as PostgreSQL prints it (microseconds kept, for the cursor). */
  at_text: string;
  read_at: Date | string | null;
  unread: number;
  person_id: string | null;
  procedure_type: string | null;
  procedure_type_version: number | null;
  step_key: string | null;
  due_date: string | null;
  reminder_window: string | null;
}

export interface NotificationCursor {
  u: number;
  at: string;
  id: string;
}

/** The account's notifications in one organisation: unread first, then newest first. */
export async function listNotifications(
  db: Queryable,
  accountId: string,
  orgId: string,
  after: NotificationCursor | null,
  limit: number,
): Promise<NotificationListRow[]> {
  const { rows } = await db.query<NotificationListRow>(
    `SELECT n.id::text AS id, n.kind, n.record_type, n.record_id::text AS record_id, n.ref_id::text AS ref_id, n.created_at,
            n.created_at::text AS at_text, n.read_at, (CASE WHEN n.read_at IS NULL THEN 1 ELSE 0 END) AS unread,
            p.person_id::text AS person_id, p.type AS procedure_type, p.type_version AS procedure_type_version,
            r.step_key, r.due_date::text AS due_date, r.reminder_window
       FROM notifications n
       LEFT JOIN procedures p ON n.record_type = 'procedure' AND p.id = n.record_id AND p.org_id = n.org_id
       LEFT JOIN deadline_reminders r ON r.notification_id = n.id
      WHERE n.account_id = $1 AND n.org_id = $2
        AND ($3::int IS NULL OR ((CASE WHEN n.read_at IS NULL THEN 1 ELSE 0 END), n.created_at, n.id) < ($3::int, $4::timestamptz, $5::uuid))
      ORDER BY (CASE WHEN n.read_at IS NULL THEN 1 ELSE 0 END) DESC, n.created_at DESC, n.id DESC
      LIMIT $6`,
    [accountId, orgId, after?.u ?? null, after?.at ?? null, after?.id ?? null, limit],
  );
  return rows;
}

export async function unreadCount(db: Queryable, accountId: string, orgId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE account_id = $1 AND org_id = $2 AND read_at IS NULL',
    [accountId, orgId],
  );
  return rows[0]?.n ?? 0;
}

/** Marks one of the account's notifications read; false when it is not the account's (or not there). */
export async function markRead(
  tx: Queryable,
  id: string,
  accountId: string,
  orgId: string,
  at: Date,
): Promise<boolean> {
  const { rows } = await tx.query<{ id: string }>(
    'UPDATE notifications SET read_at = coalesce(read_at, $4) WHERE id = $1 AND account_id = $2 AND org_id = $3 RETURNING id::text AS id',
    [id, accountId, orgId, at],
  );
  return rows.length > 0;
}

export async function markAllRead(tx: Queryable, accountId: string, orgId: string, at: Date): Promise<number> {
  return (
    await tx.query('UPDATE notifications SET read_at = $3 WHERE account_id = $1 AND org_id = $2 AND read_at IS NULL', [
      accountId,
      orgId,
      at,
    ])
  ).rowCount;
}

export interface DueStepRow {
  procedure_id: string;
  step_key: string;
  due_date: string;
  org_id: string;
  owner_account_id: string;
  time_zone: string;
}

/**
 * Open steps with a due date between two days, whose procedure has an owner who is still an
 * active member of the organisation: the candidates for a reminder (references only).
 */
export async function openStepsDueBetween(db: Queryable, from: string, to: string): Promise<DueStepRow[]> {
  const { rows } = await db.query<DueStepRow>(
    `SELECT s.procedure_id::text AS procedure_id, s.step_key, s.due_date::text AS due_date, p.org_id::text AS org_id,
            p.owner_account_id::text AS owner_account_id, o.time_zone
       FROM procedure_steps s
       JOIN procedures p ON p.id = s.procedure_id
       JOIN organisations o ON o.id = p.org_id
       JOIN memberships m ON m.account_id = p.owner_account_id AND m.org_id = p.org_id
       JOIN accounts a ON a.id = p.owner_account_id AND a.disabled_at IS NULL
      WHERE s.completed_on IS NULL AND s.due_date IS NOT NULL AND p.closed_at IS NULL
        AND s.due_date BETWEEN $1::date AND $2::date
      ORDER BY s.due_date, s.procedure_id, s.step_key`,
    [from, to],
  );
  return rows;
}

/** Records a reminder once; false when this step, date and window were already reminded. */
export async function claimReminder(
  tx: Queryable,
  r: { procedureId: string; stepKey: string; dueDate: string; window: string; accountId: string; at: Date },
): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO deadline_reminders (procedure_id, step_key, due_date, reminder_window, account_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING procedure_id`,
    [r.procedureId, r.stepKey, r.dueDate, r.window, r.accountId, r.at],
  );
  return rows.length > 0;
}

export async function insertReminderNotification(
  tx: Queryable,
  r: {
    procedureId: string;
    stepKey: string;
    dueDate: string;
    window: string;
    accountId: string;
    orgId: string;
    at: Date;
  },
): Promise<string> {
  const id = await addNotification(tx, {
    accountId: r.accountId,
    orgId: r.orgId,
    kind: `procedure.deadline_${r.window}`,
    recordType: 'procedure',
    recordId: r.procedureId,
    at: r.at,
  });
  await tx.query(
    'UPDATE deadline_reminders SET notification_id = $5 WHERE procedure_id = $1 AND step_key = $2 AND due_date = $3 AND reminder_window = $4',
    [r.procedureId, r.stepKey, r.dueDate, r.window, id],
  );
  return id;
}

export async function accountMailbox(
  db: Queryable,
  accountId: string,
): Promise<{ email: string; locale: 'es' | 'en' } | undefined> {
  const { rows } = await db.query<{ email: string; locale: 'es' | 'en' }>(
    'SELECT email, locale FROM accounts WHERE id = $1 AND disabled_at IS NULL',
    [accountId],
  );
  return rows[0];
}
