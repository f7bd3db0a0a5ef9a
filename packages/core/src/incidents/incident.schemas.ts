// Payloads of the incidents API ("who did what to whom"): events, victims, acts, perpetrators,
// evidence and complaints. Objects are strict. What needs the vocabulary or a calendar (known
// act type, end after start, municipality inside its state) is checked by the server so that
// each problem has its own translated error.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import {
  complaintDeadlineInputSchema,
  complaintDeadlineSchema,
  complaintOutcomeKinds,
  protectionMeasureSchema,
} from './incident-measures.schemas.ts';

// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();
const uuid = z.string().uuid();

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
export const victimSexes = ['F', 'M', 'X', 'U'] as const;
export const ageGroups = ['0-11', '12-17', '18-29', '30-59', '60+', 'unknown'] as const;
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

export const incidentDateSchema = z.strictObject({
  /** For month precision the day is ignored (stored as the 1st); for year, month and day. */
  date: isoDate,
  precision: z.enum(datePrecisions),
});

export const incidentPlaceSchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('MX'),
  /** Mexico: INEGI state code, 2 digits (07 Chiapas). Elsewhere an ISO 3166-2 subdivision. */
  stateCode: z.string().min(1).max(6).optional(),
  /** Mexico: INEGI municipality code, 5 digits starting with the state's (07040 Huixtla). */
  municipalityCode: z.string().min(1).max(10).optional(),
  locality: z.string().trim().max(200).optional(),
  coordinates: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
});

export const incidentCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  narrative: z.string().max(50_000).optional(),
  start: incidentDateSchema,
  end: incidentDateSchema.optional(),
  place: incidentPlaceSchema.optional(),
  routeSegment: z.enum(routeSegments).optional(),
  contextTags: z.array(z.enum(contextTags)).max(11).default([]),
  confidentiality: z.enum(confidentialityLevels).default('internal'),
  /** Threats or attacks against the organisation's staff or volunteers (human-rights defenders). */
  againstDefenders: z.boolean().default(false),
  teamId: uuid.optional(),
});
export type IncidentCreate = z.infer<typeof incidentCreateSchema>;

export const victimCreateSchema = z.strictObject({
  /** A person of the case module; needs the person's consent to be linked. */
  personId: uuid.optional(),
  consent: z.strictObject({ method: z.enum(linkConsentMethods) }).optional(),
  /** Anonymous victims: how many, of which sex and age group. */
  count: z.number().int().min(1).max(10_000).default(1),
  sex: z.enum(victimSexes).default('U'),
  ageGroup: z.enum(ageGroups).default('unknown'),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type VictimCreate = z.infer<typeof victimCreateSchema>;

export const perpetratorCreateSchema = z.strictObject({
  institution: z.string().min(1).max(60),
  /** When the institution is "unknown" or unconfirmed: the one suspected, and how sure. */
  suspectedInstitution: z.string().min(1).max(60).optional(),
  attribution: z.enum(attributions).default('confirmed'),
  /** Unit or body (INM office, National Guard company, CBP sector, group's name): encrypted. */
  unit: z.string().trim().max(300).optional(),
  /** Names, ranks, descriptions of individuals if known: encrypted. */
  individuals: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
});
export type PerpetratorCreate = z.infer<typeof perpetratorCreateSchema>;

export const actCreateSchema = z.strictObject({
  type: z.string().min(1).max(60),
  victimIds: z.array(uuid).max(500),
  perpetratorIds: z.array(uuid).max(100).default([]),
  date: incidentDateSchema.optional(),
  place: incidentPlaceSchema.optional(),
});
export type ActCreate = z.infer<typeof actCreateSchema>;

export const complaintCreateSchema = z.strictObject({
  authority: z.enum(complaintAuthorities),
  /** For state commissions and prosecutors: the state (INEGI code). */
  authorityState: z.string().min(1).max(6).optional(),
  fileNumber: z.string().trim().max(120).optional(),
  filedOn: isoDate,
  nextDeadline: isoDate.optional(),
  /** Next deadline computed by the deadline engine (wins over a plain nextDeadline). */
  deadline: complaintDeadlineInputSchema.optional(),
});
export type ComplaintCreate = z.infer<typeof complaintCreateSchema>;

export const complaintStatusChangeSchema = z.strictObject({
  status: z.enum(complaintStatuses),
  changedOn: isoDate,
  version: versionSchema,
  nextDeadline: isoDate.nullable().optional(),
  deadline: complaintDeadlineInputSchema.nullable().optional(),
  outcome: z.string().max(5000).optional(),
  outcomeKind: z.enum(complaintOutcomeKinds).nullable().optional(),
});
export type ComplaintStatusChange = z.infer<typeof complaintStatusChangeSchema>;

export const incidentListQuerySchema = z.strictObject({
  act: z.string().max(60).optional(),
  institution: z.string().max(60).optional(),
  state: z.string().max(6).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'YYYY-MM')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sex: z.enum(victimSexes).optional(),
  ageGroup: z.enum(ageGroups).optional(),
  defenders: z.enum(['true', 'false']).optional(),
  confidentiality: z.enum(confidentialityLevels).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

const placeOut = z.object({
  country: z.string(),
  stateCode: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  locality: z.string().optional(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).optional(),
  /** The recorded codes in words ("Huixtla, Chiapas"), from the place catalogue; null if unknown. */
  names: z.object({ es: z.string(), en: z.string() }).nullable().optional(),
});
const dateOut = z.object({ date: z.string(), precision: z.enum(datePrecisions) });

export const victimSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  linkConsent: z.string().nullable(),
  count: z.number().int(),
  sex: z.string(),
  ageGroup: z.string(),
  nationality: z.string().nullable(),
});
export const perpetratorSchema = z.object({
  id: z.string(),
  institution: z.string(),
  institutionPath: z.array(z.string()),
  suspectedInstitution: z.string().nullable(),
  attribution: z.string(),
  unit: z.string().optional(),
  individuals: z.array(z.string()),
});
export const actSchema = z.object({
  id: z.string(),
  type: z.string(),
  vocabularyVersion: z.number().int(),
  label: z.object({ es: z.string(), en: z.string() }),
  victimIds: z.array(z.string()),
  perpetratorIds: z.array(z.string()),
  date: dateOut.nullable(),
  stateCode: z.string().nullable(),
  municipalityCode: z.string().nullable(),
});
export const evidenceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  originalName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export const custodyEntrySchema = z.object({
  action: z.string(),
  accountId: z.string().nullable(),
  at: z.string(),
  detail: z.string().nullable(),
});
export const evidenceVerificationSchema = z.object({
  ok: z.boolean(),
  sha256Recorded: z.string(),
  sha256Computed: z.string().nullable(),
  reason: z.string().nullable(),
});
export const complaintSchema = z.object({
  id: z.string(),
  authority: z.string(),
  authorityState: z.string().nullable(),
  fileNumber: z.string().optional(),
  filedOn: z.string(),
  status: z.enum(complaintStatuses),
  statusChangedOn: z.string(),
  nextDeadline: z.string().nullable(),
  outcome: z.string().optional(),
  deadline: complaintDeadlineSchema.nullable(),
  outcomeKind: z.string().nullable(),
  history: z.array(z.object({ status: z.string(), changedOn: z.string() })),
  version: z.number().int(),
});

export const incidentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  start: dateOut,
  end: dateOut.nullable(),
  place: placeOut,
  routeSegment: z.string().nullable(),
  contextTags: z.array(z.string()),
  confidentiality: z.string(),
  againstDefenders: z.boolean(),
  actTypes: z.array(z.string()),
  victimCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export const incidentSchema = incidentSummarySchema.extend({
  narrative: z.string().optional(),
  teamId: z.string().nullable(),
  ownerAccountId: z.string().nullable(),
  victims: z.array(victimSchema),
  perpetrators: z.array(perpetratorSchema),
  acts: z.array(actSchema),
  evidence: z.array(evidenceSchema),
  complaints: z.array(complaintSchema),
  protectionMeasures: z.array(protectionMeasureSchema),
});
export type Incident = z.infer<typeof incidentSchema>;
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;
export const incidentListResponseSchema = z.object({
  items: z.array(incidentSummarySchema),
  nextCursor: z.string().nullable(),
});
