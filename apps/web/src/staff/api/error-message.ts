// The server already translated its messages (Accept-Language); only failures without a server
// message need our own words. A form's request may be refused for several fields at once: each
// problem names its field, and the form shows each at its field.
import type { TFunction } from 'i18next';
import { ApiError, clientErrorCodes } from './client';

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === clientErrorCodes.network) return t('errors.network');
  }
  return t('errors.unexpected');
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The problems of a failed request that name a field, in the server's order (none for other failures). */
export function fieldProblems(error: unknown, t: TFunction): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.problems.flatMap((p) =>
    p.field ? [{ field: p.field, message: p.message || t('errors.unexpected') }] : [],
  );
}

/**
 * The message for one field of a form when the server refused it, else null. With `under`, a
 * problem of any part of the field counts too (`documents` for `documents.0.number`).
 */
export function fieldMessage(error: unknown, t: TFunction, field: string, under = false): string | null {
  const found = fieldProblems(error, t).find(
    (p) => p.field === field || (under && (p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`))),
  );
  return found ? found.message : null;
}

/** True when the server named at least one field: its messages go at the fields, not in a banner. */
export function namesFields(error: unknown): boolean {
  return error instanceof ApiError && error.problems.some((p) => Boolean(p.field));
}

/** A form's failure as shown: the message at the top (when it names no field) and each field's message. */
export interface FormFailure {
  message: string;
  fields: FieldProblem[];
}

/** The failure of a form's request, with every field the server refused. */
export function formFailure(error: unknown, t: TFunction): FormFailure {
  return { message: errorMessage(error, t), fields: fieldProblems(error, t) };
}

/** A problem the form itself found at one of its fields, before asking the server. */
export function localFailure(field: string, message: string): FormFailure {
  return { message, fields: [{ field, message }] };
}

/** The message to show at one field, else null. */
export function failureAt(failure: FormFailure | null, field: string): string | null {
  return failure?.fields.find((p) => p.field === field)?.message ?? null;
}
