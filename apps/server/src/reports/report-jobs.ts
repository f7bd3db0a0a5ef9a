// The jobs of monthly reports (decision 0122): a scan every 6 hours (a month's report appears in
// its first hours; the unique period makes every later run a no-op), one job per e-mail, and the
// dashboard rollups of large organisations every 15 minutes.
import type { AppContext } from '../app-context.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { createStatsService, statsMinCell } from '../stats/stats.service.ts';
import { createReportsService, REPORTS_EMAIL_JOB, REPORTS_MONTHLY_JOB } from './reports.service.ts';
import { refreshAllRollups, rollupMinUnits, STATS_ROLLUP_JOB } from '../stats/stats-rollup.ts';

export function createReportJobs(
  ctx: Pick<AppContext, 'db' | 'audit' | 'clock' | 'config' | 'keyring'>,
  options: { mailer?: Mailer | undefined; queue: () => JobQueue },
) {
  const stats = createStatsService({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    minCell: statsMinCell(),
  });
  const reports = createReportsService({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    stats,
    mailer: options.mailer,
    publicUrl: ctx.config.publicUrl ?? 'http://localhost:3000',
    enqueue: (kind, payload, opts, tx) => options.queue().enqueue(kind, payload, opts, tx),
  });
  const definitions: JobDefinition[] = [
    { kind: REPORTS_MONTHLY_JOB, everyMinutes: 6 * 60, run: async () => void (await reports.runMonthly()) },
    { kind: REPORTS_EMAIL_JOB, maxAttempts: 6, run: (payload) => reports.sendMail(payload) },
    // Dashboard rollups of large organisations, recomputed every 15 minutes (decision 0122).
    {
      kind: STATS_ROLLUP_JOB,
      everyMinutes: 15,
      run: async () =>
        void (await refreshAllRollups(ctx.db, ctx.keyring, {
          today: ctx.clock().toISOString().slice(0, 10),
          minUnits: rollupMinUnits(),
        })),
    },
  ];
  return { reports, definitions };
}
