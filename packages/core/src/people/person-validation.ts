// Checks of a person payload that need a calendar, a clock or a reference list. Each problem
// names its field and has its own error code (translated by the server), so that an intake
// worker sees "the birth date is in the future" rather than "invalid value".
import { isCountryCode } from './countries.ts';
import { PERSON_NOTES_MAX, type PersonCreate, type PersonUpdate } from './person.schemas.ts';

export type PersonIssueCode =
  | 'people.invalid_date'
  | 'people.birth_date_in_future'
  | 'people.unknown_country'
  | 'people.notes_too_long'
  | 'people.control_characters'
  | 'people.name_required';

export interface PersonIssue {
  code: PersonIssueCode;
  field: string;
  params?: Record<string, string>;
}

/** True when YYYY-MM-DD names a day that exists (no 30 February, no month 13). */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1850 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Control characters never belong in a name; line breaks and tabs are fine in notes only.
// (Markup such as <script> is kept exactly as written: the API is JSON and never renders it.)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

type Input = PersonCreate | PersonUpdate;

export function validatePersonInput(input: Input, today: string, options: { creating: boolean }): PersonIssue[] {
  const issues: PersonIssue[] = [];
  const lineFields: [string, string | null | undefined][] = [
    ['givenNames', input.givenNames],
    ['surnames', input.surnames],
    ['firstSurname', input.firstSurname],
    ['secondSurname', input.secondSurname],
    ['genderIdentity', input.genderIdentity],
    ['origin.place', input.origin?.place],
    ...(input.aliases ?? []).map((a, i): [string, string] => [`aliases.${i}`, a]),
    ...(input.documents ?? []).flatMap((d, i): [string, string | undefined][] => [
      [`documents.${i}.type`, d.type],
      [`documents.${i}.number`, d.number],
      [`documents.${i}.issuer`, d.issuer],
    ]),
    ...(input.contacts ?? []).flatMap((c, i): [string, string | undefined][] => [
      [`contacts.${i}.value`, c.value],
      [`contacts.${i}.note`, c.note],
    ]),
    ...(input.languages ?? []).map((l, i): [string, string] => [`languages.${i}.language`, l.language]),
  ];
  for (const [field, value] of lineFields) {
    if (value && CONTROL_IN_LINE.test(value))
      issues.push({ code: 'people.control_characters', field, params: { field } });
  }
  if (input.notes && CONTROL_IN_TEXT.test(input.notes))
    issues.push({ code: 'people.control_characters', field: 'notes', params: { field: 'notes' } });
  if (input.notes && input.notes.length > PERSON_NOTES_MAX) {
    issues.push({
      code: 'people.notes_too_long',
      field: 'notes',
      params: { max: String(PERSON_NOTES_MAX), length: String(input.notes.length) },
    });
  }
  if (options.creating) {
    const named = [input.givenNames, input.surnames, input.firstSurname, input.secondSurname].some(
      (n) => n && n.trim(),
    );
    if (!named) issues.push({ code: 'people.name_required', field: 'givenNames' });
  }
  if (input.birthDate) {
    if (!isRealDate(input.birthDate))
      issues.push({
        code: 'people.invalid_date',
        field: 'birthDate',
        params: { field: 'birthDate', value: input.birthDate },
      });
    else if (input.birthDate > today)
      issues.push({ code: 'people.birth_date_in_future', field: 'birthDate', params: { value: input.birthDate } });
  }
  (input.documents ?? []).forEach((d, i) => {
    const field = `documents.${i}.expiry`;
    if (d.expiry && !isRealDate(d.expiry))
      issues.push({ code: 'people.invalid_date', field, params: { field, value: d.expiry } });
  });
  for (const [field, code] of [
    ['nationality', input.nationality],
    ['origin.country', input.origin?.country],
  ] as const) {
    if (code && !isCountryCode(code))
      issues.push({ code: 'people.unknown_country', field, params: { field, value: code } });
  }
  return issues;
}
