// The closed lists of the incident forms (same values as the zod schemas in core; duplicated as
// plain arrays so that no schema code reaches the bundle).
export const victimSexes = ['F', 'M', 'X', 'U'] as const;
export const ageGroups = ['0-11', '12-17', '18-29', '30-59', '60+', 'unknown'] as const;
export const datePrecisions = ['day', 'month', 'year', 'approximate'] as const;
export const confidentialityLevels = ['shareable', 'internal', 'restricted'] as const;
export const contextTags = [
  'caravan',
  'mpp_return',
  'detention_centre',
  'checkpoint',
  'train',
  'shelter',
  'border_crossing',
  'deportation',
  'bus',
  'highway',
  'workplace',
] as const;
export const routeSegments = [
  'southern_border',
  'isthmus',
  'gulf_route',
  'pacific_route',
  'central_route',
  'northern_border',
  'united_states',
] as const;
export const linkConsentMethods = ['signed', 'oral_with_witness', 'by_guardian'] as const;
export const attributions = ['confirmed', 'probable', 'possible'] as const;
export const complaintAuthorities = [
  'cndh',
  'state_hr_commission',
  'fgr',
  'state_prosecutor',
  'foreign_support_search_mechanism',
  'internal_affairs',
  'us_oversight',
] as const;
export const complaintStatuses = ['filed', 'admitted', 'in_progress', 'recommendation', 'closed'] as const;
export const complaintDeadlineRules = [
  'mx.revision',
  'mx.amparo',
  'mx.tfja.nulidad',
  'us.bia.appeal',
  'us.motion.reopen',
] as const;
export const complaintOutcomeKinds = [
  'recommendation_issued',
  'conciliation',
  'charges_filed',
  'dismissed',
  'withdrawn',
  'no_response',
  'other',
] as const;
export const protectionMeasures = [
  'panic_button',
  'police_patrols',
  'escort',
  'relocation',
  'security_infrastructure',
  'communication_equipment',
  'psychosocial_support',
  'precautionary_measures',
  'other',
] as const;
export const protectionAuthorities = [
  'federal_mechanism',
  'state_mechanism',
  'iachr',
  'cndh',
  'prosecutor',
  'own_organisation',
] as const;
export const protectionStages = ['requested', 'granted', 'implemented', 'denied', 'lifted'] as const;
