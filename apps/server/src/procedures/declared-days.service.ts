// Administrators add the non-working days an authority declares (DOF acuerdos, judiciary
// circulars) with their source. Every open step counted on that calendar is recomputed at once,
// and keeps its previous due date and a note saying why it moved.
import { can, getCalendar, type Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import * as q from './procedures.queries.ts';
import { computeStepDeadline, declaredDays } from './step-deadline.ts';

export interface DeclaredDayInput {
  date: string;
  reasonEs: string;
  reasonEn: string;
  source: string;
}

// Checked before any query: an unknown id (even one with a NUL byte, which PostgreSQL refuses in
// text) is a clear 404, never a database error.
function requireKnownCalendar(calendarId: string): void {
  try {
    getCalendar(calendarId);
  } catch {
    throw new AppError('procedures.unknown_calendar', { params: { calendar: calendarId } });
  }
}

export function createDeclaredDaysService({ db, audit }: { db: Database; audit: AuditWriter }) {
  async function add(
    actor: Actor,
    calendarId: string,
    input: DeclaredDayInput,
    meta: { ip?: string } = {},
  ): Promise<{ recomputed: number; moved: number }> {
    if (!actor.orgId || !can(actor, 'update', { type: 'org_settings', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    requireKnownCalendar(calendarId);
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO declared_non_working_days (calendar_id, day, reason_es, reason_en, source, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (calendar_id, day) DO UPDATE SET reason_es = EXCLUDED.reason_es, reason_en = EXCLUDED.reason_en, source = EXCLUDED.source`,
        [calendarId, input.date, input.reasonEs, input.reasonEn, input.source, actor.accountId],
      );
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'calendar.declare_day',
        recordType: 'calendar',
        recordId: calendarId,
        ip: meta.ip ?? null,
        details: { date: input.date, source: input.source },
      });
    });
    let moved = 0;
    const open = await q.openStepsOnCalendar(db, calendarId);
    const known = { calendarId, days: await declaredDays(db, calendarId) };
    for (const step of open) {
      const { result, dueDate } = await computeStepDeadline(
        db,
        {
          ruleId: step.rule_id as string,
          trigger: step.trigger_value,
          version: step.rule_version ?? undefined,
          window:
            step.window_opens && step.window_closes
              ? { opens: step.window_opens, closes: step.window_closes }
              : undefined,
        },
        known,
      );
      if (dueDate === step.due_date) continue;
      moved++;
      await db.transaction(async (tx) => {
        const note = `${input.date}: ${input.reasonEs} (${input.source})`;
        await q.recordRecomputedDue(tx, step, dueDate, result.explanation, note);
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'procedure.step_recomputed',
          recordType: 'procedure',
          recordId: step.procedure_id,
          fields: [step.step_key],
          details: { from: step.due_date, to: dueDate },
        });
      });
    }
    return { recomputed: open.length, moved };
  }

  async function list(calendarId: string) {
    requireKnownCalendar(calendarId);
    const { rows } = await db.query<{ day: string; reason_es: string; reason_en: string; source: string }>(
      'SELECT day, reason_es, reason_en, source FROM declared_non_working_days WHERE calendar_id = $1 ORDER BY day',
      [calendarId],
    );
    return rows.map((r) => ({ date: r.day, reasonEs: r.reason_es, reasonEn: r.reason_en, source: r.source }));
  }

  return { add, list };
}
