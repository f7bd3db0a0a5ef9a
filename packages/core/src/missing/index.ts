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
// Ante-mortem / post-mortem records, the engine fed from them, the side by side (decision 0147).
export * from './ampm.schemas.ts';
export { validateAnteMortem, validatePostMortem, type AmPmIssue, type AmPmIssueCode } from './ampm-validation.ts';
export {
  anteMortemHasEvidence,
  anteMortemRecord,
  amPmFields,
  linkReportToRemains,
  postMortemRecord,
  AMPM_PRIOR_SHARE,
  AMPM_REASON_GROUPS,
  MIN_REFERENCE_REMAINS,
  type AmPmCandidate,
  type AmPmField,
  type AmPmSubject,
} from './ampm-engine-records.ts';
export {
  compareMarks,
  compareRegions,
  compareTattoos as compareTattooEntries,
  compareTeeth,
  toothVerdict,
  type MarkComparison,
  type RegionVerdict,
  type TattooComparison,
  type ToothComparison,
  type ToothVerdict,
} from './ampm-side-by-side.ts';
export { inReadersWords } from './ampm-words.ts';
