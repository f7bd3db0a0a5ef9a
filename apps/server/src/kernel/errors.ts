// Errors are values with a stable code, an HTTP status and a translation key (the code itself).
// No bare Error reaches a user: the HTTP error handler turns AppError into {code, message, field?}
// translated by Accept-Language, and anything else into `server.internal` without details.

export const errorStatus = {
  'validation.invalid_json': 400,
  'validation.invalid_encoding': 400,
  'validation.unknown_field': 400,
  'validation.invalid_type': 400,
  'validation.required': 400,
  'validation.too_small': 400,
  'validation.too_big': 400,
  'validation.invalid_format': 400,
  'validation.invalid_value': 400,
  'validation.body_too_large': 413,
  'validation.unsupported_media_type': 415,
  'auth.unauthenticated': 401,
  'auth.session_expired': 401,
  'auth.invalid_credentials': 401,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.locked': 423,
  'auth.rate_limited': 429,
  'auth.csrf_invalid': 403,
  'auth.totp_enrollment_required': 403,
  'auth.totp_already_enrolled': 409,
  'auth.totp_setup_missing': 400,
  'policy.denied': 403,
  'record.not_found': 404,
  'record.conflict': 409,
  'route.not_found': 404,
  'orgs.unknown_organisation': 404,
  'orgs.unknown_role': 400,
  'orgs.email_taken': 409,
  'orgs.not_a_member': 403,
  'orgs.weak_password': 400,
  'database.data_dir_in_use': 503,
  'database.migration_failed': 500,
  'database.migration_changed': 500,
  'database.newer_than_code': 500,
  'crypto.master_key_mismatch': 500,
  'crypto.master_key_invalid': 500,
  'crypto.decrypt_failed': 500,
  'backup.wrong_key': 400,
  'backup.corrupt': 400,
  'backup.newer_schema': 409,
  'backup.schema_mismatch': 409,
  'backup.target_not_empty': 409,
  'people.invalid_date': 400,
  'people.birth_date_in_future': 400,
  'people.unknown_country': 400,
  'people.notes_too_long': 400,
  'people.control_characters': 400,
  'people.name_required': 400,
  'people.unknown_team': 400,
  'procedures.unknown_type': 400,
  'procedures.unknown_step': 404,
  'procedures.unknown_stage': 400,
  'procedures.cannot_compute': 400,
  'procedures.invalid_trigger': 400,
  'procedures.calendar_year_missing': 422,
  'procedures.unknown_calendar': 404,
  'missing.invalid_date': 400,
  'missing.date_in_future': 400,
  'missing.age_range_inverted': 400,
  'incidents.invalid_date': 400,
  'incidents.end_before_start': 400,
  'incidents.invalid_place': 400,
  'incidents.unknown_act_type': 400,
  'incidents.unknown_institution': 400,
  'incidents.act_without_victim': 400,
  'incidents.not_in_event': 400,
  'incidents.consent_required': 400,
  'incidents.evidence_empty': 400,
  'incidents.evidence_type_mismatch': 400,
  'incidents.evidence_unsupported_type': 415,
  'incidents.evidence_integrity_failed': 409,
  'directory.invalid_entry': 400,
  'directory.import_invalid': 400,
  'referrals.consent_required': 400,
  'referrals.consent_withdrawn': 409,
  'referrals.same_organisation': 400,
  'referrals.service_not_receiving': 400,
  'referrals.invalid_transition': 409,
  'screening.unknown_questionnaire': 400,
  'screening.unknown_question': 400,
  'screening.not_applicable': 400,
  'screening.wrong_type': 400,
  'screening.unknown_choice': 400,
  'screening.out_of_range': 400,
  'stats.unknown_indicator': 404,
  'stats.unknown_dimension': 400,
  'stats.too_many_dimensions': 400,
  'stats.invalid_period': 400,
  'stats.not_public': 404,
  'stats.dimension_not_public': 400,
  'stats.public_period': 400,
  'stats.release_too_large': 503,
  'server.internal': 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface AppErrorOptions {
  field?: string;
  params?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly params: Record<string, string>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.field = options.field;
    this.params = options.params ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
