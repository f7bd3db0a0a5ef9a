// From stored rows to the API's shapes, and the small checks shared by the case services.
import { caseTaskCatalogue, isCaseTaskKey, type CaseTask, type CaseSummary } from '@acompana/core';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { AppError } from '../kernel/errors.ts';
import { openCase } from './case-crypto.ts';
import type { CaseListRow, TaskRow } from './cases.queries.ts';

export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export interface Meta {
  ip?: string | null;
}

/** A real calendar date (2026-02-30 is not), or a translated error naming the field. */
export function checkDate(value: string | null | undefined, field: string): void {
  if (!value) return;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw new AppError('cases.invalid_date', { field, params: { value } });
}

/** Free text within a limit, or a translated error naming the field; returns the trimmed text. */
export function checkText(
  value: string | undefined | null,
  field: string,
  max: number,
  codes: {
    required: 'cases.reason_required' | 'cases.note_required' | 'cases.task_required';
    tooLong: 'cases.reason_too_long' | 'cases.note_too_long' | 'cases.task_too_long';
  },
): string {
  const text = (value ?? '').trim();
  if (text === '') throw new AppError(codes.required, { field });
  if (text.length > max)
    throw new AppError(codes.tooLong, { field, params: { max: String(max), length: String(text.length) } });
  return text;
}

export async function toTask(keyring: Keyring, orgId: string, row: TaskRow, today: string): Promise<CaseTask> {
  const key = row.task_key;
  return {
    id: row.id,
    key,
    label: key && isCaseTaskKey(key) ? { ...caseTaskCatalogue[key].label } : null,
    description: await openCase(keyring, orgId, 'case_tasks', 'description', row.description),
    source: row.source,
    ownerAccountId: row.owner_account_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    overdue: !row.done && row.due_on !== null && row.due_on < today,
    done: row.done,
    completedAt: isoOrNull(row.completed_at),
    version: Number(row.version),
    createdAt: iso(row.created_at),
  };
}

export function toSummary(
  row: CaseListRow,
  names: { givenNames?: string | undefined; surnames?: string | undefined },
): CaseSummary {
  return {
    id: row.id,
    personId: row.person_id,
    householdId: row.household_id,
    givenNames: names.givenNames ?? null,
    surnames: names.surnames ?? null,
    nationality: row.nationality,
    status: row.status,
    assignedAccountId: row.assigned_account_id,
    assignedName: row.assigned_name,
    teamId: row.team_id,
    teamName: row.team_name,
    openedAt: iso(row.opened_at),
    closedAt: isoOrNull(row.closed_at),
    openTasks: Number(row.open_tasks),
    overdueTasks: Number(row.overdue_tasks),
    version: Number(row.version),
  };
}
