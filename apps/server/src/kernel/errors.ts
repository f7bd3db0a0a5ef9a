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
  // Passkeys and sign-in with the organisation's provider (docs/decisions/0130-passkeys-and-oidc.md).
  'auth.passkey_invalid': 401,
  'auth.passkey_challenge_expired': 400,
  'auth.passkey_second_factor_required': 403,
  'auth.passkey_unknown': 404,
  'oidc.unknown_provider': 404,
  'oidc.invalid_state': 400,
  'oidc.invalid_response': 401,
  'oidc.provider_unreachable': 400,
  'oidc.email_not_verified': 403,
  'oidc.no_account': 403,
  'oidc.no_role': 403,
  'oidc.client_secret_required': 400,
  'oidc.second_factor_expired': 400,
  'policy.denied': 403,
  'record.not_found': 404,
  'record.conflict': 409,
  'route.not_found': 404,
  'orgs.unknown_organisation': 404,
  'orgs.unknown_role': 400,
  'orgs.email_taken': 409,
  'orgs.not_a_member': 403,
  'orgs.weak_password': 400,
  'orgs.common_password': 400,
  'auth.reauth_required': 401,
  'oidc.domain_not_allowed': 403,
  'federation.invitation_invalid': 400,
  'federation.not_https': 400,
  'federation.already_peered': 409,
  'federation.peer_unreachable': 502,
  'federation.peer_refused': 502,
  'federation.peer_not_found': 404,
  'federation.peer_not_awaiting': 409,
  'federation.signature_invalid': 401,
  'federation.replayed': 401,
  // Transnational search (docs/decisions/0151-transnational-search.md).
  'federation.purpose_not_agreed': 403,
  'federation.encoding_invalid': 400,
  'federation.pair_not_agreed': 409,
  'federation.pair_closed': 409,
  // Accounts only their owner controls (docs/decisions/0129-accounts-only-the-owner-controls.md).
  'account.link_invalid': 400,
  'account.link_expired': 410,
  'account.link_used': 410,
  'account.mail_unavailable': 503,
  'account.mail_failed': 502,
  'account.wrong_password': 400,
  'account.managed_elsewhere': 409,
  'account.not_yourself': 409,
  'account.recovery_code_invalid': 401,
  'account.recovery_codes_need_totp': 409,
  'database.data_dir_in_use': 503,
  'database.migration_failed': 500,
  'database.migration_changed': 500,
  'database.newer_than_code': 500,
  // The disk under the database is full or read-only: nothing was saved; an operator must act.
  'storage.full': 507,
  'storage.read_only': 503,
  'crypto.master_key_mismatch': 500,
  'crypto.master_key_invalid': 500,
  'crypto.decrypt_failed': 500,
  'backup.wrong_key': 400,
  'backup.corrupt': 400,
  'backup.newer_schema': 409,
  'backup.schema_mismatch': 409,
  'backup.target_not_empty': 409,
  'backup.target_full': 507,
  'backup.target_read_only': 503,
  'backup.server_unreachable': 503,
  'people.invalid_date': 400,
  'people.birth_date_in_future': 400,
  'people.unknown_country': 400,
  'people.notes_too_long': 400,
  'people.control_characters': 400,
  'people.name_required': 400,
  'people.unknown_team': 400,
  'people.photo_empty': 400,
  'people.photo_unsupported_type': 415,
  'people.photo_too_large': 413,
  'households.reference_required': 400,
  'households.one_reference': 400,
  'households.duplicate_member': 400,
  'households.own_responsible_adult': 400,
  'households.responsible_not_member': 400,
  'households.responsible_not_adult': 400,
  'households.child_as_guardian': 400,
  'households.unknown_member': 400,
  'households.already_member': 409,
  'households.cannot_remove_reference': 400,
  'intake.arrival_in_future': 400,
  'intake.member_person_required': 400,
  'people.link_unavailable': 400,
  'procedures.unknown_type': 400,
  'procedures.unknown_step': 404,
  'procedures.unknown_stage': 400,
  'procedures.cannot_compute': 400,
  'procedures.invalid_trigger': 400,
  'procedures.calendar_year_missing': 422,
  'procedures.unknown_calendar': 404,
  'procedures.not_a_filing': 400,
  'procedures.filing_in_future': 400,
  'procedures.filing_needs_trigger': 409,
  'procedures.already_filed': 409,
  'procedures.receipt_required': 400,
  'procedures.filing_already_undone': 409,
  'procedures.filing_undo_expired': 409,
  'missing.invalid_date': 400,
  'missing.date_in_future': 400,
  'missing.age_range_inverted': 400,
  'missing.trace_consent_required': 409,
  'missing.not_a_tracing_partner': 400,
  'missing.tracing_closed': 409,
  'missing.unknown_reference': 400,
  'missing.too_many_photos': 409,
  'missing.second_person_required': 409,
  'missing.proposal_not_yours': 409,
  'missing.review_changed': 409,
  // Ante-mortem / post-mortem records and the forensic workflow (docs/decisions/0147).
  'missing.stature_range_inverted': 400,
  'missing.death_window_inverted': 400,
  'missing.tooth_twice': 400,
  'missing.not_remains': 409,
  'missing.forensic_step_not_allowed': 409,
  'missing.remains_not_examined': 409,
  'missing.pair_not_of_remains': 400,
  'missing.not_confirmed': 409,
  'missing.not_case_owner': 403,
  'incidents.invalid_date': 400,
  'incidents.end_before_start': 400,
  'incidents.invalid_place': 400,
  'incidents.unknown_act_type': 400,
  'incidents.unknown_institution': 400,
  'incidents.act_without_victim': 400,
  'incidents.not_in_event': 400,
  'incidents.consent_required': 400,
  'incidents.victim_already_linked': 409,
  'incidents.link_request_closed': 409,
  'incidents.person_not_linkable': 400,
  'incidents.evidence_empty': 400,
  'incidents.evidence_type_mismatch': 400,
  'incidents.evidence_unsupported_type': 415,
  'incidents.evidence_integrity_failed': 409,
  'incidents.unknown_deadline_rule': 400,
  'directory.invalid_entry': 400,
  'directory.import_invalid': 400,
  'referrals.consent_required': 400,
  'referrals.consent_withdrawn': 409,
  'referrals.same_organisation': 400,
  'referrals.service_not_receiving': 400,
  'referrals.invalid_transition': 409,
  'reintegration.assessment_required': 409,
  'reintegration.follow_up_done': 409,
  'reintegration.consular_answered': 409,
  'families.unknown_member': 404,
  'families.not_shared': 404,
  'families.plan_open': 409,
  'families.already_reunified': 409,
  'families.member_not_child': 400,
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
  'stats.invalid_filter': 400,
  'stats.filter_in_breakdown': 400,
  // Published releases (decision 0127).
  'stats.period_not_closed': 400,
  'stats.release_tables': 400,
  'stats.release_unknown_table': 400,
  'stats.release_empty_table': 400,
  'stats.release_organisations': 400,
  'stats.no_release': 404,
  'reports.schedule_invalid': 400,
  'cases.subject_required': 400,
  'cases.unknown_assignee': 400,
  'cases.unknown_team': 400,
  'cases.reason_required': 400,
  'cases.reason_too_long': 400,
  'cases.already_closed': 409,
  'cases.not_closed': 409,
  'cases.closed': 409,
  'cases.closed_read_only': 409,
  'cases.unknown_task': 400,
  'cases.task_required': 400,
  'cases.task_too_long': 400,
  'cases.invalid_date': 400,
  'cases.note_required': 400,
  'cases.note_too_long': 400,
  'cases.attachment_empty': 400,
  'cases.attachment_unsupported_type': 415,
  'cases.attachment_type_mismatch': 400,
  'cases.attachment_integrity_failed': 409,
  'portal.invalid_guide': 400,
  'portal.translation_without_source': 400,
  'portal.unknown_source_version': 400,
  'portal.already_published': 409,
  'portal.image_empty': 400,
  'portal.image_unsupported_type': 415,
  'portal.image_type_mismatch': 400,
  'portal.image_too_large': 413,
  'server.internal': 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface AppErrorOptions {
  field?: string;
  params?: Record<string, string>;
  cause?: unknown;
  /** Further problems found in the same request (a form with several wrong fields): all are answered. */
  also?: readonly AppError[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly params: Record<string, string>;
  readonly also: readonly AppError[];

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.field = options.field;
    this.params = options.params ?? {};
    this.also = options.also ?? [];
  }
}

/** One problem of a request, as validators list them (a field and its own code). */
export interface Problem {
  code: ErrorCode;
  field?: string | undefined;
  params?: Record<string, string> | undefined;
}

/**
 * Throws every problem of a form at once: the first at the top of the answer (its `code`, `message`
 * and `field`, as before) and all of them in its `errors`, so that each shows at its own field.
 * Does nothing when there is no problem.
 */
export function throwProblems(problems: readonly (Problem | AppError)[]): void {
  const [first, ...rest] = problems.map((p) =>
    p instanceof AppError ? p : new AppError(p.code, { field: p.field, params: p.params }),
  );
  if (!first) return;
  throw rest.length === 0
    ? first
    : new AppError(first.code, { field: first.field, params: first.params, also: [...first.also, ...rest] });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
