// Reminders of reintegration follow-ups (issue 8, item 3): a recurring job (decision 0116) finds
// follow-ups not yet done that are due within a week, or overdue, and notifies the reception's
// case owner in the app, once per follow-up and window (reintegration_follow_up_reminders is the
// idempotency key), however often the job runs. Days are counted in the organisation's zone.
import { FOLLOW_UP_REMINDER_DAYS } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import * as q from './reintegration.queries.ts';

export const FOLLOW_UP_SCAN_JOB = 'reintegration.follow_up_scan';

const DAY_MS = 86_400_000;
/** Overdue follow-ups older than this are not reminded by a newly deployed scan (no flood). */
const OVERDUE_LOOKBACK_DAYS = 60;

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const todayIn = (timeZone: string, now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** 'd7' from a week before the due date, 'overdue' from the day after; null before that. */
export function followUpWindow(today: string, due: string): 'd7' | 'overdue' | null {
  if (due < today) return 'overdue';
  return due <= shift(today, FOLLOW_UP_REMINDER_DAYS) ? 'd7' : null;
}

export function createFollowUpReminders({ db, audit, clock }: { db: Database; audit: AuditWriter; clock: () => Date }) {
  async function scan(): Promise<{ created: number }> {
    const now = clock();
    const utc = now.toISOString().slice(0, 10);
    const candidates = await q.openFollowUpsDueBetween(
      db,
      shift(utc, -OVERDUE_LOOKBACK_DAYS - 1),
      shift(utc, FOLLOW_UP_REMINDER_DAYS + 1),
    );
    let created = 0;
    for (const f of candidates) {
      const window = followUpWindow(todayIn(f.time_zone, now), f.due_on);
      if (!window) continue;
      const made = await db.transaction(async (tx) => {
        const notification = await q.claimFollowUpReminder(tx, {
          followUpId: f.id,
          receptionId: f.reception_id,
          window,
          accountId: f.owner_account_id,
          orgId: f.org_id,
          at: now,
        });
        if (!notification) return false;
        await audit.append(tx, {
          action: 'reminder.create',
          recordType: 'reintegration',
          recordId: f.reception_id,
          orgId: f.org_id,
          details: { followUp: f.id, window, dueOn: f.due_on, notification },
        });
        return true;
      });
      if (made) created += 1;
    }
    return { created };
  }
  return { scan };
}
