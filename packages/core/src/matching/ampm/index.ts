// AM/PM matching of families' reports with unidentified remains (docs/decisions/0131).
export {
  parseClothing,
  parseDental,
  parseFeatures,
  parseIsoDate,
  parseStature,
  parseTattoos,
  rangeProblem,
  AmPmValueError,
  type AmPmRecord,
  type BodyFeature,
  type ClothingItem,
  type DentalEntry,
  type Tattoo,
} from './ampm-record.ts';
export {
  explainAmPm,
  linkAmPm,
  linkAmPmModel,
  prepareAmPmModel,
  AMPM_MATCH_POSTERIOR,
  AMPM_POSSIBLE_POSTERIOR,
  type AmPmExplanation,
  type AmPmLinkOptions,
  type AmPmLinkResult,
  type AmPmModel,
} from './ampm-link.ts';
export type { AmPmExclusion, AmPmReason } from './ampm-reasons.ts';
export {
  DENTAL_STATES,
  FEATURE_KINDS,
  TATTOO_LOCATIONS,
  isFdiTooth,
  labelOf,
  type DentalState,
  type Label,
} from './vocabulary.ts';
