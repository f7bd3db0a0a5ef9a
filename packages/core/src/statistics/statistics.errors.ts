// Errors of the statistics engine are values with a stable code, an HTTP status and a translation
// key (house style, ARCHITECTURE.md "Errors are values"). A request that would weaken the
// protection (a threshold under 3, totals that do not add up) is refused, never silently repaired.

export type StatisticsErrorCode =
  'THRESHOLD_TOO_LOW' | 'INVALID_TABLE' | 'MARGINS_NOT_ADDITIVE' | 'INVALID_DATE' | 'INVALID_AGE';

const HTTP_STATUS: Record<StatisticsErrorCode, number> = {
  THRESHOLD_TOO_LOW: 422,
  INVALID_TABLE: 400,
  MARGINS_NOT_ADDITIVE: 422,
  INVALID_DATE: 400,
  INVALID_AGE: 400,
};

export class StatisticsError extends Error {
  readonly code: StatisticsErrorCode;
  readonly httpStatus: number;
  readonly translationKey: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: StatisticsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StatisticsError';
    this.code = code;
    this.httpStatus = HTTP_STATUS[code];
    this.translationKey = `statistics.errors.${code}`;
    this.details = details;
  }
}

export function isStatisticsError(value: unknown): value is StatisticsError {
  return value instanceof StatisticsError;
}
