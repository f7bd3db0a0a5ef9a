// Matching engine (person linkage): public surface used by the CLI `link` command and the server's
// search and review screens. See docs/decisions/0101-matching-engine.md.
export type { PersonRecord, PreparedRecord, RecordedSex } from './person-record.types.ts';
export { prepareRecord } from './record-prepare.ts';
export { foldText, nameTokens } from './text-normalise.ts';
export { spanishPhonetic } from './spanish-phonetic.ts';
export { jaroWinkler, editDistance } from './jaro-winkler.ts';
export { canonicalGivenName, nicknameEquivalent, nicknameTargets } from './nicknames.ts';
export { parsePartialDate, ageAt, type PartialDate } from './person-dates.ts';
export { FIELDS, FIELD_LEVELS, compareRecords, type FieldName, type NameAgreement } from './comparison-vector.ts';
export {
  explainLevels,
  probabilityFromWeight,
  totalWeight,
  type FieldExplanation,
  type MatchModel,
} from './fellegi-sunter.ts';
export { buildBlockingIndex, type BlockingIndex } from './blocking.ts';
export {
  findDuplicates,
  linkPrepared,
  linkRecords,
  prepareRecords,
  trainModel,
  MATCH_THRESHOLD,
  POSSIBLE_THRESHOLD,
  type LinkOptions,
  type LinkRow,
  type MatchDecision,
} from './linker.ts';
export { createMatcher, type Matcher, type MatcherOptions, type PairExplanation, type SearchHit } from './matcher.ts';
export * from './ampm/index.ts';
