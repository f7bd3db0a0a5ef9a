// Payloads of the missing-person API (reports, found records, match candidates and their review),
// shared by the server (validation, OpenAPI) and the web app (types). Objects are strict. The
// shape is checked here; what needs a calendar or a clock (impossible or future dates, an age
// range upside down) is checked by validateMissingDates so each problem names its field.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import { traceConsentSchema, traceConsentStateSchema } from './tracing.schemas.ts';
import { anteMortemSchema, forensicStageSchema, postMortemSchema, postMortemStoredSchema } from './ampm.schemas.ts';

const text = (max: number) => z.string().trim().max(max);
/** YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known. */
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const age = z.number().int().min(0).max(120);
const sex = z.enum(['F', 'M', 'X']);
const names = {
  givenNames: text(200).optional(),
  surnames: text(200).optional(),
  aliases: z.array(text(200).min(1)).max(20).optional(),
};

export const missingReportStatusSchema = z.enum(['open', 'located_alive', 'located_deceased', 'closed']);
export const foundRecordKindSchema = z.enum(['found_alive', 'unidentified_remains']);
export const foundRecordStatusSchema = z.enum(['unidentified', 'identified', 'returned_to_family']);

export const physicalDescriptionSchema = z.strictObject({
  heightCm: z.number().int().min(30).max(250).optional(),
  build: text(100).optional(),
  hair: text(100).optional(),
  eyes: text(100).optional(),
  skin: text(100).optional(),
  scars: text(1000).optional(),
  tattoos: text(1000).optional(),
  dentalNotes: text(1000).optional(),
  other: text(2000).optional(),
});

export const belongingsSchema = z.strictObject({
  clothing: text(2000).optional(),
  items: text(2000).optional(),
});

export const lastContactSchema = z.strictObject({
  date: partialDate.optional(),
  place: text(300).optional(),
  route: text(1000).optional(),
  withWhom: text(500).optional(),
  means: text(300).optional(),
  details: text(2000).optional(),
});

export const relativeSchema = z.strictObject({
  name: text(200).min(1),
  relationship: text(100).optional(),
  contacts: z
    .array(
      z.strictObject({
        channel: z.enum(['phone', 'whatsapp', 'signal', 'telegram', 'email', 'address', 'other']),
        value: text(300).min(1),
      }),
    )
    .max(10)
    .default([]),
  /** The relative agreed to be contacted by the organisation about this search. */
  consentToContact: z.boolean().default(false),
});

export const dnaSampleSchema = z.strictObject({
  given: z.boolean(),
  where: text(300).optional(),
  date: isoDate.optional(),
});

export const authorityFilingSchema = z.strictObject({
  authority: text(200).min(1),
  country: countryCode.optional(),
  fileNumber: text(100).optional(),
  filedOn: isoDate.optional(),
});

export const missingReportCreateSchema = z.strictObject({
  ...names,
  sex: sex.optional(),
  birthDate: partialDate.optional(),
  ageMin: age.optional(),
  ageMax: age.optional(),
  nationality: countryCode.optional(),
  origin: z.strictObject({ country: countryCode.optional(), place: text(200).optional() }).optional(),
  physical: physicalDescriptionSchema.optional(),
  belongings: belongingsSchema.optional(),
  lastContact: lastContactSchema.optional(),
  relatives: z.array(relativeSchema).max(10).optional(),
  dnaSample: dnaSampleSchema.optional(),
  authorities: z.array(authorityFilingSchema).max(10).optional(),
  notes: text(20_000).optional(),
  /** The family's consent to search with other organisations (tracing requests). */
  traceConsent: traceConsentSchema.optional(),
  /** Structured ante-mortem data for identifying remains (decision 0147). */
  anteMortem: anteMortemSchema.optional(),
  teamId: z.string().uuid().optional(),
});
export type MissingReportCreate = z.infer<typeof missingReportCreateSchema>;

/** A photo of the person sought or found: metadata only; the bytes come from its own URL (audited). */
export const missingPhotoSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type MissingPhoto = z.infer<typeof missingPhotoSchema>;

export const missingReportSchema = missingReportCreateSchema.omit({ teamId: true }).extend({
  id: z.string(),
  status: missingReportStatusSchema,
  version: z.number().int(),
  ownerAccountId: z.string().nullable(),
  teamId: z.string().nullable(),
  createdAt: z.string(),
  aliases: z.array(z.string()),
  relatives: z.array(relativeSchema),
  authorities: z.array(authorityFilingSchema.extend({ country: z.string().optional() })),
  nationality: z.string().optional(),
  origin: z.object({ country: z.string().optional(), place: z.string().optional() }).optional(),
  traceConsent: traceConsentStateSchema,
  photos: z.array(missingPhotoSchema).optional(),
});
export type MissingReport = z.infer<typeof missingReportSchema>;

export const missingReportSummarySchema = z.object({
  id: z.string(),
  status: missingReportStatusSchema,
  givenNames: z.string().optional(),
  surnames: z.string().optional(),
  sex: sex.optional(),
  lastContactMonth: z.string().nullable(),
  createdAt: z.string(),
  pendingCandidates: z.number().int(),
});

export const foundRecordCreateSchema = z.strictObject({
  kind: foundRecordKindSchema,
  status: foundRecordStatusSchema.optional(),
  ...names,
  foundOn: isoDate.optional(),
  foundPlace: text(300).optional(),
  custodian: z.strictObject({ agency: text(200).optional(), fileNumber: text(100).optional() }).optional(),
  sex: sex.optional(),
  ageMin: age.optional(),
  ageMax: age.optional(),
  description: physicalDescriptionSchema.extend({ statureCm: z.number().int().min(30).max(250).optional() }).optional(),
  belongings: belongingsSchema.optional(),
  circumstances: text(5000).optional(),
  notes: text(20_000).optional(),
  /** The post-mortem examination of unidentified remains (decision 0147). */
  postMortem: postMortemSchema.optional(),
  teamId: z.string().uuid().optional(),
});
export type FoundRecordCreate = z.infer<typeof foundRecordCreateSchema>;

export const foundRecordSchema = foundRecordCreateSchema.omit({ teamId: true }).extend({
  id: z.string(),
  status: foundRecordStatusSchema,
  version: z.number().int(),
  ownerAccountId: z.string().nullable(),
  teamId: z.string().nullable(),
  createdAt: z.string(),
  aliases: z.array(z.string()),
  photos: z.array(missingPhotoSchema).optional(),
  postMortem: postMortemStoredSchema.optional(),
  /** Where the remains stand in the forensic workflow (decision 0147). */
  forensicStage: forensicStageSchema.optional(),
});
export type FoundRecord = z.infer<typeof foundRecordSchema>;

export const candidateKindSchema = z.enum(['person', 'found_record', 'missing_report']);
/** 'proposed': confirmed by one reviewer, waiting for a different account where four-eyes applies. */
export const reviewStatusSchema = z.enum(['pending', 'proposed', 'confirmed', 'rejected', 'needs_info']);

/** Which match confirmations need a second person: every one, those with remains (default), none. */
export const secondConfirmationSchema = z.enum(['all', 'remains', 'none']);
export const matchSettingsSchema = z.strictObject({ secondConfirmation: secondConfirmationSchema });
export type MatchSettings = z.infer<typeof matchSettingsSchema>;

/** One field's part in a score: level, label and weight in bits. Never a value. */
export const explanationSchema = z.object({
  /** Which engine scored the pair: names (0101) or ante-mortem / post-mortem evidence (0131, 0147). */
  engine: z.enum(['names', 'ampm']).optional(),
  score: z.number(),
  decision: z.enum(['match', 'possible', 'no match']),
  totalWeight: z.number(),
  namesRearranged: z.boolean(),
  fields: z.array(
    z.object({
      field: z.string(),
      level: z.number().int(),
      label: z.string(),
      weight: z.number(),
      frequencyAdjusted: z.boolean(),
    }),
  ),
});
export type MatchExplanation = z.infer<typeof explanationSchema>;

/** A record as the review screen shows it: only the fields the viewer may see. */
export const comparedRecordSchema = z.object({
  kind: candidateKindSchema.or(z.literal('report')),
  id: z.string(),
  orgId: z.string(),
  /** 'own': the organisation's own record; 'partner': shared for search under an agreement. */
  access: z.enum(['own', 'partner']),
  /** Which fields the partner's sharing allows (only for access 'partner'). */
  sharedFields: z.array(z.string()).optional(),
  /** The partner organisation's name, for a partner's found record or report shown as a reference (0124). */
  organisationName: z.string().optional(),
  givenNames: z.string().optional(),
  surnames: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  sex: z.string().optional(),
  birthDate: z.string().optional(),
  birthYear: z.number().int().optional(),
  ageMin: z.number().int().optional(),
  ageMax: z.number().int().optional(),
  nationality: z.string().optional(),
  originPlace: z.string().optional(),
  eventDate: z.string().optional(),
  eventPlace: z.string().optional(),
  description: z.string().optional(),
  /**
   * The physical description, for the ante-mortem / post-mortem side by side: the report's (what
   * the family told) and the organisation's own found record's (what the body shows). Never a partner's.
   */
  physical: physicalDescriptionSchema
    .extend({ statureCm: z.number().int().min(30).max(250).optional() })
    .partial()
    .optional(),
});
export type ComparedRecord = z.infer<typeof comparedRecordSchema>;

export const matchCandidateSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  candidateKind: candidateKindSchema,
  candidateId: z.string(),
  candidateOrgId: z.string(),
  score: z.number(),
  engineDecision: z.enum(['match', 'possible']),
  explanation: explanationSchema,
  reviewStatus: reviewStatusSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The first confirmation, while a second person's is awaited (and kept after it). */
  confirmationProposedBy: z.string().nullable(),
  confirmationProposedAt: z.string().nullable(),
  /** The organisation's setting makes a confirmation of this pair need a second, different account. */
  secondConfirmationRequired: z.boolean(),
  note: z.string().optional(),
  report: comparedRecordSchema,
  /** Null when the candidate record is no longer readable (deleted, consent withdrawn…). */
  candidate: comparedRecordSchema.nullable(),
  /** Photos of the report, and of the candidate when it is the organisation's own found record. */
  reportPhotos: z.array(missingPhotoSchema).optional(),
  candidatePhotos: z.array(missingPhotoSchema).optional(),
});
export type MatchCandidate = z.infer<typeof matchCandidateSchema>;

export const candidateListQuerySchema = z.strictObject({
  /** Default: everything except rejected pairs. */
  status: reviewStatusSchema.optional(),
});

/** The organisation's review queue: candidates across every report the reader may read. */
export const reviewQueueQuerySchema = z.strictObject({
  status: reviewStatusSchema.default('pending'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const reviewQueueItemSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  reportGivenNames: z.string().optional(),
  reportSurnames: z.string().optional(),
  reportStatus: missingReportStatusSchema,
  candidateKind: candidateKindSchema,
  /** The candidate is a partner's record (shared for search). */
  partner: z.boolean(),
  score: z.number(),
  engineDecision: z.enum(['match', 'possible']),
  reviewStatus: reviewStatusSchema,
  proposedAt: z.string(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;
export const reviewQueueSchema = z.object({ items: z.array(reviewQueueItemSchema), nextCursor: z.string().nullable() });

export const candidateReviewSchema = z.strictObject({
  decision: z.enum(['confirmed', 'rejected', 'needs_info']),
  note: text(5000).optional(),
});
export type CandidateReview = z.infer<typeof candidateReviewSchema>;

export const matchRunSchema = z.object({
  reportId: z.string(),
  searched: z.object({
    ownPeople: z.number().int(),
    partnerPeople: z.number().int(),
    foundRecords: z.number().int(),
    reports: z.number().int(),
    partners: z.number().int(),
  }),
  proposed: z.number().int(),
  updated: z.number().int(),
  /** Pairs a reviewer already decided on (rejected ones included): left as decided, never proposed again. */
  alreadyReviewed: z.number().int(),
});
export type MatchRun = z.infer<typeof matchRunSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  refId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** A status change; `version` is the one the reviewer read (a stale one is refused). */
export const missingReportStatusChangeSchema = z.strictObject({
  status: missingReportStatusSchema,
  version: versionSchema,
});
export const foundRecordStatusChangeSchema = z.strictObject({
  status: foundRecordStatusSchema,
  version: versionSchema,
});

export const missingReportCreatedSchema = missingReportSchema.extend({ matchRun: matchRunSchema });
export const foundRecordCreatedSchema = foundRecordSchema.extend({ proposedForReports: z.number().int() });
