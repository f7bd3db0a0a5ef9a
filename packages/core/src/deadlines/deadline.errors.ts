// Errors of the deadline engine are values with a stable code, an HTTP status and a translation
// key (house style, ARCHITECTURE.md "Errors are values"). The engine never guesses: when it cannot
// compute a deadline it says why, in words a caseworker can act on.

export type DeadlineErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_INPUT'
  | 'INVALID_TIME_ZONE'
  | 'UNKNOWN_RULE'
  | 'UNKNOWN_RULE_VERSION'
  | 'NO_VERSION_IN_FORCE'
  | 'UNKNOWN_CALENDAR'
  | 'CALENDAR_YEAR_NOT_LOADED';

const HTTP_STATUS: Record<DeadlineErrorCode, number> = {
  INVALID_DATE: 400,
  INVALID_INSTANT: 400,
  INVALID_INPUT: 400,
  INVALID_TIME_ZONE: 400,
  UNKNOWN_RULE: 404,
  UNKNOWN_RULE_VERSION: 404,
  NO_VERSION_IN_FORCE: 422,
  UNKNOWN_CALENDAR: 404,
  // The request is well formed but the engine lacks the data to answer it honestly.
  CALENDAR_YEAR_NOT_LOADED: 422,
};

export class DeadlineError extends Error {
  readonly code: DeadlineErrorCode;
  readonly httpStatus: number;
  readonly translationKey: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DeadlineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DeadlineError';
    this.code = code;
    this.httpStatus = HTTP_STATUS[code];
    this.translationKey = `deadlines.errors.${code}`;
    this.details = details;
  }
}

export function isDeadlineError(value: unknown): value is DeadlineError {
  return value instanceof DeadlineError;
}

export function calendarYearNotLoaded(calendarId: string, year: number): DeadlineError {
  return new DeadlineError(
    'CALENDAR_YEAR_NOT_LOADED',
    `cannot compute: calendar ${calendarId} has no data for year ${year}`,
    { calendarId, year },
  );
}
