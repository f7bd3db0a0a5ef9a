// Computes a procedure step's deadline with the engine in packages/core, adding the non-working
// days administrators declared for the calendar. The engine's own errors (bad date, year not
// loaded, rule for another jurisdiction) become field errors with their explanation.
import { computeDeadline, isDeadlineError, type DeadlineResult, type ExtraNonWorkingDay } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';

export async function declaredDays(db: Queryable, calendarId: string): Promise<ExtraNonWorkingDay[]> {
  const { rows } = await db.query<{ day: string; reason_es: string; reason_en: string; source: string }>(
    'SELECT day, reason_es, reason_en, source FROM declared_non_working_days WHERE calendar_id = $1 ORDER BY day',
    [calendarId],
  );
  return rows.map((r) => ({ date: r.day, reason: { es: r.reason_es, en: r.reason_en }, source: r.source }));
}

export interface StepComputation {
  result: DeadlineResult;
  dueDate: string | null;
  dueInstant: string | null;
}

export async function computeStepDeadline(
  db: Queryable,
  input: {
    ruleId: string;
    trigger: string;
    window?: { opens: string; closes: string } | undefined;
    version?: number | undefined;
  },
  /** Declared days already loaded for a calendar (a batch recomputation loads them once). */
  known?: { calendarId: string; days: ExtraNonWorkingDay[] },
): Promise<StepComputation> {
  try {
    // The rule's own calendar decides which declared days apply; compute once (in memory) to learn it.
    const first = computeDeadline({
      ruleId: input.ruleId,
      trigger: input.trigger,
      ...(input.window ? { window: input.window } : {}),
      ...(input.version ? { version: input.version } : {}),
    });
    const extraDays =
      known && known.calendarId === first.calendarId ? known.days : await declaredDays(db, first.calendarId);
    const result =
      extraDays.length === 0
        ? first
        : computeDeadline({
            ruleId: input.ruleId,
            trigger: input.trigger,
            version: first.ruleVersion,
            extraDays,
            ...(input.window ? { window: input.window } : {}),
          });
    const dueDate = result.dueDate ?? result.window?.closes ?? result.occurrences?.[0] ?? null;
    return { result, dueDate, dueInstant: result.dueInstant ?? null };
  } catch (error) {
    if (isDeadlineError(error)) {
      switch (error.code) {
        case 'INVALID_DATE':
        case 'INVALID_INSTANT':
        case 'INVALID_INPUT':
          throw new AppError('procedures.invalid_trigger', {
            field: 'trigger',
            params: { value: input.trigger },
            cause: error,
          });
        case 'CALENDAR_YEAR_NOT_LOADED':
          throw new AppError('procedures.calendar_year_missing', {
            field: 'trigger',
            params: { calendar: String(error.details.calendarId), year: String(error.details.year) },
            cause: error,
          });
        default:
          throw new AppError('procedures.cannot_compute', {
            field: 'trigger',
            params: { reason: error.message },
            cause: error,
          });
      }
    }
    throw error;
  }
}
