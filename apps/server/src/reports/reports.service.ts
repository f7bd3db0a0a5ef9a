// Statistics reports (issue 10, items 5 and 6; decision 0122): the PDF of a period on request, a
// monthly schedule per organisation, and the job that turns the schedule into a stored PDF
// (encrypted with the organisation's key), an in-app notification for everyone who may export
// statistics, and - when SMTP is configured - an e-mail that says only "a report is ready".
import { createHash } from 'node:crypto';
import { can, roles, type Actor } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { accountMailbox } from '../notifications/notifications.queries.ts';
import type { StatsService, StatsTable } from '../stats/stats.service.ts';
import { renderStatisticsReport, type ReportLang, type ReportSeries } from './statistics-report.pdf.ts';
import { openReportFile, sealReportFile } from './report-crypto.ts';
import { addNotification } from '../notifications/notify.ts';

export const REPORTS_MONTHLY_JOB = 'reports.monthly';
export const REPORTS_EMAIL_JOB = 'reports.email';

export interface ReportsDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  stats: StatsService;
  mailer?: Mailer | undefined;
  publicUrl?: string;
  enqueue?: (
    kind: string,
    payload: Record<string, unknown>,
    options: { orgId: string; uniqueKey: string },
    tx: Queryable,
  ) => Promise<unknown>;
}

export interface ReportSchedule {
  enabled: boolean;
  lang: ReportLang;
  email: boolean;
}

/** Roles that receive the monthly report: those allowed to export statistics. */
const recipientRoles: string[] = roles.filter((role) =>
  can({ accountId: '', orgId: 'o', role, teamIds: [], sharing: [] }, 'export', { type: 'statistics', orgId: 'o' }),
);

function seriesOf(table: StatsTable): ReportSeries {
  const dim = table.dimensions[0];
  const labels = new Map(dim?.categories.map((c) => [c.key, c.label]) ?? []);
  return {
    title: table.title,
    unit: table.unit,
    rows: table.cells
      .filter((c) => c.keys[0] !== null)
      .map((c) => ({ key: c.keys[0]!, label: labels.get(c.keys[0]!) ?? c.keys[0]!, value: c.count })),
    total: table.cells.find((c) => c.keys.every((k) => k === null))?.count ?? null,
  };
}

/** The month before `now` in a time zone, 'YYYY-MM'. */
export function previousMonth(now: Date, timeZone: string): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function createReportsService({ db, keyring, audit, clock, stats, mailer, publicUrl, enqueue }: ReportsDeps) {
  function mayExport(actor: Actor): string {
    if (!actor.orgId || !can(actor, 'export', { type: 'statistics', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    return actor.orgId;
  }

  async function render(orgId: string, from: string, to: string, lang: ReportLang): Promise<Buffer> {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [orgId]);
    const table = (indicator: string, by: string) => stats.tableOf(orgId, indicator, { by, from, to }, lang);
    const [byMonth, byType, byState, people, cases, missing, procedures, referrals] = await Promise.all([
      table('incidents.acts', 'month'),
      table('incidents.acts', 'type'),
      table('incidents.acts', 'state'),
      table('people.registered', 'nationality'),
      table('cases.status', 'status'),
      table('missing.reports', 'status'),
      table('procedures.stages', 'type'),
      table('referrals.status', 'status'),
    ]);
    return renderStatisticsReport({
      orgName: rows[0]?.name ?? '',
      lang,
      period: { from, to },
      generatedAt: clock(),
      threshold: byType.threshold,
      actsByMonth: seriesOf(byMonth),
      actsByType: seriesOf(byType),
      actsByState: seriesOf(byState),
      tables: [people, cases, missing, procedures, referrals].map(seriesOf),
    });
  }

  /** The PDF of a period, on request (audited: who produced which figures). */
  async function pdfFor(
    actor: Actor,
    from: string,
    to: string,
    lang: ReportLang,
    meta: { ip?: string } = {},
  ): Promise<Buffer> {
    const orgId = mayExport(actor);
    if (from > to) throw new AppError('stats.invalid_period', { field: 'from', params: { from, to } });
    const pdf = await render(orgId, from, to, lang);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'report.generate',
      recordType: 'statistics',
      orgId,
      ip: meta.ip ?? null,
      details: { from, to, lang, sha256: createHash('sha256').update(pdf).digest('hex') },
    });
    return pdf;
  }

  async function getSchedule(actor: Actor): Promise<ReportSchedule | null> {
    const orgId = mayExport(actor);
    const { rows } = await db.query<{ enabled: boolean; lang: ReportLang; email: boolean }>(
      'SELECT enabled, lang, email FROM report_schedules WHERE org_id = $1',
      [orgId],
    );
    return rows[0] ?? null;
  }

  async function putSchedule(actor: Actor, input: ReportSchedule): Promise<ReportSchedule> {
    if (!actor.orgId || !can(actor, 'update', { type: 'org_settings', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    const orgId = actor.orgId;
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO report_schedules (org_id, enabled, lang, email, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_id) DO UPDATE SET enabled = $2, lang = $3, email = $4, updated_by = $5, updated_at = $6`,
        [orgId, input.enabled, input.lang, input.email, actor.accountId, clock()],
      );
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'report.schedule',
        recordType: 'org_settings',
        orgId,
        details: { ...input },
      });
    });
    return input;
  }

  /** Removes the schedule: no more monthly reports; stored reports stay. */
  async function deleteSchedule(actor: Actor): Promise<void> {
    if (!actor.orgId || !can(actor, 'update', { type: 'org_settings', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    const orgId = actor.orgId;
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM report_schedules WHERE org_id = $1', [orgId]);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'report.schedule',
        recordType: 'org_settings',
        orgId,
        details: { deleted: true },
      });
    });
  }

  async function listFiles(actor: Actor) {
    const orgId = mayExport(actor);
    const { rows } = await db.query<{
      id: string;
      kind: string;
      period_from: string;
      period_to: string;
      lang: string;
      size_bytes: number;
      sha256: string;
      created_at: Date | string;
    }>(
      `SELECT id::text AS id, kind, period_from, period_to, lang, size_bytes, sha256, created_at FROM report_files WHERE org_id = $1 ORDER BY period_from DESC, created_at DESC LIMIT 60`,
      [orgId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      from: r.period_from,
      to: r.period_to,
      lang: r.lang,
      sizeBytes: Number(r.size_bytes),
      sha256: r.sha256,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async function readFile(
    actor: Actor,
    id: string,
    meta: { ip?: string } = {},
  ): Promise<{ pdf: Buffer; name: string }> {
    const orgId = mayExport(actor);
    const { rows } = await db.query<{ content: Buffer; period_from: string; period_to: string }>(
      'SELECT content, period_from, period_to FROM report_files WHERE id = $1 AND org_id = $2',
      [id, orgId],
    );
    const row = rows[0];
    if (!row) throw new AppError('record.not_found');
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'report.read',
      recordType: 'statistics',
      recordId: id,
      orgId,
      ip: meta.ip ?? null,
    });
    return { pdf: await openReportFile(keyring, orgId, row.content), name: `report-${row.period_from}.pdf` };
  }

  /**
   * The monthly job: for every organisation with an enabled schedule, the report of the month
   * that ended (in its time zone), stored once - the unique (org, kind, period) makes a second
   * run, or a second worker, a no-op - with a notification and, if asked, an e-mail job.
   */
  async function runMonthly(): Promise<{ created: number }> {
    const now = clock();
    const { rows } = await db.query<{ org_id: string; lang: ReportLang; email: boolean; time_zone: string }>(
      `SELECT s.org_id::text AS org_id, s.lang, s.email, o.time_zone FROM report_schedules s JOIN organisations o ON o.id = s.org_id WHERE s.enabled ORDER BY s.org_id`,
    );
    let created = 0;
    for (const schedule of rows) {
      const month = previousMonth(now, schedule.time_zone);
      const exists = await db.query(
        'SELECT 1 FROM report_files WHERE org_id = $1 AND kind = $2 AND period_from = $3 AND period_to = $3',
        [schedule.org_id, 'monthly', month],
      );
      if (exists.rows.length) continue;
      const pdf = await render(schedule.org_id, month, month, schedule.lang);
      const sealed = await sealReportFile(keyring, schedule.org_id, pdf);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const isNew = await db.transaction(async (tx) => {
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO report_files (org_id, kind, period_from, period_to, lang, content, size_bytes, sha256, created_at) VALUES ($1, 'monthly', $2, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (org_id, kind, period_from, period_to) DO NOTHING RETURNING id::text AS id`,
          [schedule.org_id, month, schedule.lang, sealed, pdf.length, sha256, now],
        );
        const fileId = inserted.rows[0]?.id;
        if (!fileId) return false;
        const recipients = await tx.query<{ account_id: string }>(
          `SELECT m.account_id::text AS account_id FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.org_id = $1 AND m.role = ANY($2::text[]) AND a.disabled_at IS NULL ORDER BY m.account_id`,
          [schedule.org_id, recipientRoles],
        );
        for (const r of recipients.rows) {
          await addNotification(tx, {
            accountId: r.account_id,
            orgId: schedule.org_id,
            kind: 'report.ready',
            recordType: 'report',
            recordId: fileId,
            at: now,
          });
          if (mailer && schedule.email && enqueue)
            await enqueue(
              REPORTS_EMAIL_JOB,
              { accountId: r.account_id },
              { orgId: schedule.org_id, uniqueKey: `report-mail:${fileId}:${r.account_id}` },
              tx,
            );
        }
        await audit.append(tx, {
          action: 'report.generate',
          recordType: 'statistics',
          recordId: fileId,
          orgId: schedule.org_id,
          details: { from: month, to: month, sha256, recipients: recipients.rows.length },
        });
        return true;
      });
      if (isNew) created += 1;
    }
    return { created };
  }

  /** The e-mail: no figures and no organisation data, only that a report is ready and where. */
  async function sendMail(payload: Record<string, unknown>): Promise<void> {
    if (!mailer) throw new Error('SMTP is not configured (ACOMPANA_SMTP_URL)');
    const mailbox = await accountMailbox(db, String(payload.accountId));
    if (!mailbox) return;
    const link = `${publicUrl ?? 'http://localhost:3000'}/statistics`;
    const mail =
      mailbox.locale === 'en'
        ? {
            subject: 'Monthly statistics report ready',
            text: `The monthly statistics report is ready. Sign in to Acompaña to read it: ${link}`,
          }
        : {
            subject: 'Informe mensual de estadísticas listo',
            text: `El informe mensual de estadísticas está listo. Entre en Acompaña para leerlo: ${link}`,
          };
    await mailer.send({ to: mailbox.email, ...mail });
  }

  return { pdfFor, getSchedule, putSchedule, deleteSchedule, listFiles, readFile, runMonthly, sendMail, render };
}

export type ReportsService = ReturnType<typeof createReportsService>;
