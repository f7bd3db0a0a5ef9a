// Deadline reminders (issue 5, item 6): a recurring job finds open steps due within 7, 3 or 1
// day(s), or overdue, and notifies the procedure's responsible lawyer once per step, due date and
// window (deadline_reminders is the idempotency key), in the app and - when SMTP is configured -
// by an e-mail job. Windows count calendar days; the due dates themselves come from the engine.
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Mailer } from './mailer.ts';
import * as q from './notifications.queries.ts';

export type ReminderWindow = 'd7' | 'd3' | 'd1' | 'overdue';

const DAY_MS = 86_400_000;
/** Overdue steps older than this are not reminded again by a newly deployed scan (no flood). */
const OVERDUE_LOOKBACK_DAYS = 30;

export function daysUntil(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** The tightest window a step is in today, or null when it is more than 7 days away. */
export function reminderWindow(today: string, due: string): ReminderWindow | null {
  const days = daysUntil(today, due);
  if (days < 0) return 'overdue';
  if (days <= 1) return 'd1';
  if (days <= 3) return 'd3';
  if (days <= 7) return 'd7';
  return null;
}

function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The e-mail: no name, no procedure, no date that could identify anyone; a link to sign in. */
export function reminderMail(locale: 'es' | 'en', days: number, publicUrl: string): { subject: string; text: string } {
  const link = `${publicUrl}/app/procedures`;
  if (locale === 'en') {
    const what =
      days < 0
        ? 'A deadline has passed'
        : days === 0
          ? 'A deadline is due today'
          : days === 1
            ? 'A deadline is due tomorrow'
            : `A deadline is due in ${days} days`;
    return {
      subject: `Acompaña: ${what.toLowerCase()}`,
      text: `${what}: open Acompaña.\n\n${link}\n\nThis message contains no case details; sign in to see them.\n`,
    };
  }
  const what =
    days < 0
      ? 'Un plazo ya venció'
      : days === 0
        ? 'Un plazo vence hoy'
        : days === 1
          ? 'Un plazo vence mañana'
          : `Un plazo vence en ${days} días`;
  return {
    subject: `Acompaña: ${what.toLowerCase()}`,
    text: `${what}: abre Acompaña.\n\n${link}\n\nEste mensaje no contiene datos del caso; inicia sesión para verlos.\n`,
  };
}

export const REMINDER_SCAN_JOB = 'reminders.scan';
export const REMINDER_EMAIL_JOB = 'reminders.email';

export interface RemindersDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  /** Present when SMTP is configured: each new reminder also enqueues an e-mail. */
  mailer?: Mailer | undefined;
  publicUrl: string;
  queue: () => JobQueue;
}

export function createReminders({ db, audit, clock, mailer, publicUrl, queue }: RemindersDeps) {
  /** Creates the reminders that are due now; returns how many were created. Safe to run any number of times. */
  async function scan(): Promise<{ created: number }> {
    const now = clock();
    const utcToday = now.toISOString().slice(0, 10);
    // One day of margin on each side for time zones; the window is decided in the org's own zone.
    const candidates = await q.openStepsDueBetween(
      db,
      shiftDays(utcToday, -OVERDUE_LOOKBACK_DAYS - 1),
      shiftDays(utcToday, 8),
    );
    let created = 0;
    for (const step of candidates) {
      const today = todayIn(step.time_zone, now);
      const window = reminderWindow(today, step.due_date);
      if (!window || daysUntil(today, step.due_date) < -OVERDUE_LOOKBACK_DAYS) continue;
      const reminder = {
        procedureId: step.procedure_id,
        stepKey: step.step_key,
        dueDate: step.due_date,
        window,
        accountId: step.owner_account_id,
        orgId: step.org_id,
        at: now,
      };
      const isNew = await db.transaction(async (tx) => {
        if (!(await q.claimReminder(tx, reminder))) return false;
        const notificationId = await q.insertReminderNotification(tx, reminder);
        if (mailer) {
          await queue().enqueue(
            REMINDER_EMAIL_JOB,
            { accountId: step.owner_account_id, days: daysUntil(today, step.due_date) },
            { orgId: step.org_id, uniqueKey: `reminder-mail:${notificationId}` },
            tx,
          );
        }
        await audit.append(tx, {
          action: 'reminder.create',
          recordType: 'procedure',
          recordId: step.procedure_id,
          orgId: step.org_id,
          fields: [step.step_key],
          details: { window, dueDate: step.due_date, notification: notificationId },
        });
        return true;
      });
      if (isNew) created += 1;
    }
    return { created };
  }

  /** Sends one reminder e-mail (a job: retried by the queue when the SMTP server fails). */
  async function sendMail(payload: Record<string, unknown>): Promise<void> {
    if (!mailer) throw new Error('SMTP is not configured (ACOMPANA_SMTP_URL)');
    const accountId = String(payload.accountId);
    const days = Number(payload.days);
    const mailbox = await q.accountMailbox(db, accountId);
    if (!mailbox) return; // account disabled since: nothing to send
    const mail = reminderMail(mailbox.locale, Number.isFinite(days) ? days : 0, publicUrl);
    await mailer.send({ to: mailbox.email, ...mail });
  }

  return { scan, sendMail };
}

export type Reminders = ReturnType<typeof createReminders>;
