// The staff app's notifications, whatever raised them (deadline reminders, confirmed missing-person
// matches, screening child-protection alerts, referrals): the account's own, in its active
// organisation, unread first; each with the in-app path of the record it refers to.
import { findProcedureType, type Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import * as q from './notifications.queries.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { describeNotifications } from './notification-about.ts';
// The journeys' notifications say for whom and link to a page the recipient can open.
import './journey-describers.ts';

const localized = (es: string, en: string) => ({ es, en });

/** Where the staff app opens a notification's record. */
function linkOf(row: q.NotificationListRow): string | null {
  switch (row.record_type) {
    case 'procedure':
      return row.person_id ? `/people/${row.person_id}?tab=procedures` : '/procedures';
    case 'person':
      return `/people/${row.record_id}`;
    case 'missing_report':
      return `/search/reports/${row.record_id}`;
    case 'tracing_request':
      return `/search/tracing/${row.record_id}`;
    case 'found_record':
      return `/search/found/${row.record_id}`;
    case 'referral':
      return '/referrals';
    case 'reintegration':
      return `/reintegration/${row.record_id}`;
    case 'incident':
      return `/incidents/${row.record_id}`;
    case 'incident_link_request':
      return '/link-requests';
    case 'report':
      return '/statistics';
    default:
      return null;
  }
}

function toView(row: q.NotificationListRow) {
  const type = row.procedure_type
    ? findProcedureType(row.procedure_type, row.procedure_type_version ?? undefined)
    : undefined;
  const step = type?.steps.find((s) => s.key === row.step_key);
  return {
    id: row.id,
    kind: row.kind,
    recordType: row.record_type,
    recordId: row.record_id,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    link: linkOf(row),
    deadline:
      row.step_key && row.due_date && row.reminder_window
        ? {
            stepKey: row.step_key,
            dueDate: row.due_date,
            window: row.reminder_window,
            stepTitle: step?.title ?? localized(row.step_key, row.step_key),
            procedureTitle: type?.title ?? localized(row.procedure_type ?? '', row.procedure_type ?? ''),
          }
        : null,
  };
}

export type NotificationView = ReturnType<typeof toView>;

export function createNotificationsService({
  db,
  audit,
  clock,
  keyring,
}: {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  /** To say what each notification is about (notification-about.ts); without it, about is null. */
  keyring?: Keyring;
}) {
  function orgOf(actor: Actor): string {
    if (!actor.orgId) throw new AppError('policy.denied');
    return actor.orgId;
  }

  async function list(actor: Actor, query: { cursor?: string | undefined; limit: number }) {
    const orgId = orgOf(actor);
    const after = query.cursor
      ? decodeCursor<q.NotificationCursor>(
          query.cursor,
          (c) =>
            (c.u === 0 || c.u === 1) &&
            typeof c.at === 'string' &&
            typeof c.id === 'string' &&
            /^[0-9a-f-]{36}$/.test(c.id),
        )
      : null;
    const rows = await q.listNotifications(db, actor.accountId, orgId, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const described = keyring ? await describeNotifications({ db, keyring }, actor, page) : new Map();
    return {
      items: page.map((row) => {
        const d = described.get(row.id);
        const view = toView(row);
        return { ...view, link: d?.link !== undefined ? d.link : view.link, about: d?.about ?? null };
      }),
      unread: await q.unreadCount(db, actor.accountId, orgId),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ u: Number(last.unread), at: last.at_text, id: last.id })
          : null,
    };
  }

  async function markRead(actor: Actor, id: string): Promise<{ unread: number }> {
    const orgId = orgOf(actor);
    await db.transaction(async (tx) => {
      // Another account's notification is "not found", never marked.
      if (!(await q.markRead(tx, id, actor.accountId, orgId, clock()))) throw new AppError('record.not_found');
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'notification.read',
        recordType: 'account',
        recordId: actor.accountId,
        orgId,
        details: { notification: id },
      });
    });
    return { unread: await q.unreadCount(db, actor.accountId, orgId) };
  }

  async function markAllRead(actor: Actor): Promise<{ updated: number; unread: number }> {
    const orgId = orgOf(actor);
    const updated = await db.transaction(async (tx) => {
      const n = await q.markAllRead(tx, actor.accountId, orgId, clock());
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'notification.read_all',
        recordType: 'account',
        recordId: actor.accountId,
        orgId,
        details: { updated: n },
      });
      return n;
    });
    return { updated, unread: await q.unreadCount(db, actor.accountId, orgId) };
  }

  return { list, markRead, markAllRead };
}
