// The jobs this server runs: the hourly reminder scan (also at start-up), one job per reminder
// e-mail (when SMTP is configured), and a daily clean-up of finished jobs.
import type { AppContext } from '../app-context.ts';
import { createMailer, type Mailer } from '../notifications/mailer.ts';
import { createReminders, REMINDER_EMAIL_JOB, REMINDER_SCAN_JOB } from '../notifications/reminders.service.ts';
import { createJobQueue, type JobQueue } from './job-queue.ts';
import { createFollowUpReminders, FOLLOW_UP_SCAN_JOB } from '../reintegration/follow-up-reminders.ts';
import { createMatchingJobs } from '../missing/matching-jobs.ts';
import { createReportJobs } from '../reports/report-jobs.ts';
import { scheduledBackupsFor, SCHEDULED_BACKUP_JOB } from '../backup/scheduled-backups.ts';
import { createFederationJobs } from '../federation/search-jobs.ts';

export const PRUNE_JOB = 'jobs.prune';

export function createServerJobs(
  ctx: Pick<AppContext, 'db' | 'audit' | 'clock' | 'config' | 'keyring'>,
  options: { mailer?: Mailer; onError?: (kind: string, error: unknown) => void } = {},
) {
  const mailer = options.mailer ?? createMailer(ctx.config.smtpUrl, ctx.config.smtpFrom);
  const holder: { queue?: JobQueue } = {};
  const queue = () => holder.queue as JobQueue;
  const reminders = createReminders({
    db: ctx.db,
    audit: ctx.audit,
    clock: ctx.clock,
    mailer,
    publicUrl: ctx.config.publicUrl ?? 'http://localhost:3000',
    queue,
  });
  // Continuous matching of missing-person reports (issue 6, decision 0121).
  const matching = createMatchingJobs({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock });
  const followUps = createFollowUpReminders({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  // Monthly statistics reports stored as files, with a notification and e-mail (decision 0122).
  const reportJobs = createReportJobs(ctx, { mailer, queue });
  holder.queue = createJobQueue({
    db: ctx.db,
    clock: ctx.clock,
    ...(options.onError ? { onError: (job, error) => options.onError?.(job.kind, error) } : {}),
    definitions: [
      { kind: REMINDER_SCAN_JOB, everyMinutes: 60, run: async () => void (await reminders.scan()) },
      { kind: REMINDER_EMAIL_JOB, maxAttempts: 6, run: (payload) => reminders.sendMail(payload) },
      { kind: FOLLOW_UP_SCAN_JOB, everyMinutes: 60, run: async () => void (await followUps.scan()) },
      { kind: PRUNE_JOB, everyMinutes: 24 * 60, run: async () => void (await queue().pruneDone()) },
      ...matching.definitions,
      ...reportJobs.definitions,
      // Daily backups into ACOMPANA_BACKUP_DIR and the two-day warning (decision 0133).
      { kind: SCHEDULED_BACKUP_JOB, everyMinutes: 60, run: () => scheduledBackupsFor(ctx).tick() },
      // Transnational search between peered deployments: sweep and outbox (decision 0151).
      ...createFederationJobs(ctx).definitions,
    ],
  });
  return { queue: holder.queue, reminders, followUps, close: () => mailer?.close() };
}
