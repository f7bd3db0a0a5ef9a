// A complaint's next deadline computed by the deadline engine (e.g. a recurso de revisión: 15
// working days from the day after the notice takes effect, LFPA art. 85), with the
// non-working days administrators declared. The rule id, the version used and the trigger are
// stored, so the date is explained on every read with the same rule version.
import { getRule, isDeadlineError, type ComplaintDeadline } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { computeStepDeadline } from '../procedures/step-deadline.ts';

export interface StoredDeadline {
  ruleId: string;
  ruleVersion: number;
  trigger: string;
  dueDate: string | null;
}

export async function computeComplaintDeadline(
  db: Queryable,
  input: { ruleId: string; trigger: string },
  field = 'deadline',
): Promise<StoredDeadline> {
  try {
    getRule(input.ruleId);
  } catch (error) {
    if (isDeadlineError(error))
      throw new AppError('incidents.unknown_deadline_rule', {
        field: `${field}.ruleId`,
        params: { value: input.ruleId },
      });
    throw error;
  }
  const { result, dueDate } = await computeStepDeadline(db, input);
  return { ruleId: input.ruleId, ruleVersion: result.ruleVersion, trigger: input.trigger, dueDate };
}

/** The deadline as shown: due date, rule title, the engine's explanation and the legal citation. */
export async function explainComplaintDeadline(
  db: Queryable,
  stored: { ruleId: string; ruleVersion: number; trigger: string },
): Promise<ComplaintDeadline> {
  const { result, dueDate } = await computeStepDeadline(db, {
    ruleId: stored.ruleId,
    trigger: stored.trigger,
    version: stored.ruleVersion,
  });
  return {
    ruleId: stored.ruleId,
    ruleVersion: result.ruleVersion,
    trigger: stored.trigger,
    dueDate,
    title: result.ruleTitle,
    explanation: result.explanation,
    citation: result.legalBasis.citation,
  };
}
