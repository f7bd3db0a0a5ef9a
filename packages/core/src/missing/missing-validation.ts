// Checks that need a calendar or a clock: real dates (no 30 February), nothing in the future,
// age ranges the right way round. Each issue names its field, as validatePersonInput does.
import type { FoundRecordCreate, MissingReportCreate } from './missing.schemas.ts';
import { validateAnteMortem, validatePostMortem, type AmPmIssueCode } from './ampm-validation.ts';

export type MissingIssueCode =
  'missing.invalid_date' | 'missing.date_in_future' | 'missing.age_range_inverted' | AmPmIssueCode;
export interface MissingIssue {
  code: MissingIssueCode;
  field: string;
}

/** A YYYY, YYYY-MM or YYYY-MM-DD text naming a date that exists. */
export function isRealPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1850) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

function checkDates(dates: [string, string | undefined][], today: string, issues: MissingIssue[]): void {
  for (const [field, value] of dates) {
    if (value === undefined) continue;
    if (!isRealPartialDate(value)) issues.push({ code: 'missing.invalid_date', field });
    else if (value > today.slice(0, value.length)) issues.push({ code: 'missing.date_in_future', field });
  }
}

function checkAges(input: { ageMin?: number | undefined; ageMax?: number | undefined }, issues: MissingIssue[]): void {
  if (input.ageMin !== undefined && input.ageMax !== undefined && input.ageMin > input.ageMax)
    issues.push({ code: 'missing.age_range_inverted', field: 'ageMin' });
}

export function validateMissingReport(input: MissingReportCreate, today: string): MissingIssue[] {
  const issues: MissingIssue[] = [];
  checkDates(
    [
      ['birthDate', input.birthDate],
      ['lastContact.date', input.lastContact?.date],
      ['dnaSample.date', input.dnaSample?.date],
      ...(input.authorities ?? []).map((a, i): [string, string | undefined] => [`authorities.${i}.filedOn`, a.filedOn]),
    ],
    today,
    issues,
  );
  checkAges(input, issues);
  if (input.anteMortem) issues.push(...validateAnteMortem(input.anteMortem, today));
  return issues;
}

export function validateFoundRecord(input: FoundRecordCreate, today: string): MissingIssue[] {
  const issues: MissingIssue[] = [];
  checkDates([['foundOn', input.foundOn]], today, issues);
  checkAges(input, issues);
  if (input.postMortem) issues.push(...validatePostMortem(input.postMortem, today));
  return issues;
}
