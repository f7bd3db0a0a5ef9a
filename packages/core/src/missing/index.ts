// Missing-person module: payloads and calendar checks shared by server and web.
export * from './missing.schemas.ts';
export {
  validateMissingReport,
  validateFoundRecord,
  isRealPartialDate,
  type MissingIssue,
  type MissingIssueCode,
} from './missing-validation.ts';
export * from './tracing.schemas.ts';
