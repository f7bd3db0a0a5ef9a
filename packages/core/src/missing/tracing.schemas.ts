// Payloads of tracing across organisations (issue 6, item 6) and of the family's consent to trace.
// A tracing request carries only minimal search fields to the partner; the requester receives
// opaque references with a score band, and details only for the references the partner chose to
// share, with the fields it chose, after accepting.
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();

export const traceConsentSchema = z.strictObject({
  /** The relative who consented (name as they gave it). */
  givenBy: text(200).min(1),
  relationship: text(100).optional(),
  method: z.enum(['signed', 'verbal_witnessed', 'recorded']),
  date: isoDate,
});
export type TraceConsent = z.infer<typeof traceConsentSchema>;

export const traceConsentStateSchema = traceConsentSchema.extend({ recordedAt: z.string() }).nullable();

export const tracingRequestCreateSchema = z.strictObject({
  reportId: z.string().uuid(),
  toOrgId: z.string().uuid(),
});
export type TracingRequestCreate = z.infer<typeof tracingRequestCreateSchema>;

/** Fields a partner may choose to share about a record it accepts to disclose. */
export const tracingShareableFields = [
  'givenNames',
  'surnames',
  'aliases',
  'sex',
  'birthDate',
  'nationality',
  'recordDate',
  'place',
  'custodian',
  'status',
] as const;
export const tracingShareableFieldSchema = z.enum(tracingShareableFields);
export type TracingShareableField = z.infer<typeof tracingShareableFieldSchema>;

export const tracingAcceptSchema = z.strictObject({
  share: z
    .array(
      z.strictObject({
        referenceId: z.string().uuid(),
        fields: z.array(tracingShareableFieldSchema).min(1).max(tracingShareableFields.length),
      }),
    )
    .min(1)
    .max(20),
  /** A message to the requesting organisation (e.g. whom to call). */
  reply: text(2000).optional(),
});
export type TracingAccept = z.infer<typeof tracingAcceptSchema>;

export const tracingStatusSchema = z.enum(['sent', 'accepted', 'declined', 'withdrawn']);

/** The minimal search fields, as the partner reads them. */
export const tracingQuerySchema = z.object({
  givenNames: z.string().optional(),
  surnames: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  sex: z.string().optional(),
  birthDate: z.string().optional(),
  ageMin: z.number().int().optional(),
  ageMax: z.number().int().optional(),
  lastContactMonth: z.string().optional(),
  lastContactPlace: z.string().optional(),
});
export type TracingQuery = z.infer<typeof tracingQuerySchema>;

export const tracingSharedDetailsSchema = z.object({
  givenNames: z.string().optional(),
  surnames: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  sex: z.string().optional(),
  birthDate: z.string().optional(),
  nationality: z.string().optional(),
  recordDate: z.string().optional(),
  place: z.string().optional(),
  custodian: z.string().optional(),
  status: z.string().optional(),
});

/** A reference as the requester sees it: opaque until the partner shares it. */
export const tracingReferenceSchema = z.object({
  referenceId: z.string(),
  scoreBand: z.enum(['strong', 'possible']),
  sharedFields: z.array(z.string()),
  details: tracingSharedDetailsSchema.nullable(),
});

/** A reference as the partner sees it: its own record, with the engine's explanation. */
export const tracingPartnerCandidateSchema = z.object({
  referenceId: z.string(),
  scoreBand: z.enum(['strong', 'possible']),
  score: z.number(),
  candidateKind: z.enum(['person', 'found_record']),
  candidateId: z.string(),
  record: z.record(z.string(), z.unknown()).nullable(),
  sharedFields: z.array(z.string()),
});

export const tracingRequestSchema = z.object({
  id: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  reportId: z.string().nullable(),
  fromOrg: z.object({ id: z.string(), name: z.string() }),
  toOrg: z.object({ id: z.string(), name: z.string() }),
  status: tracingStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  candidatesFound: z.number().int(),
  /** Only for the partner, and only while the request is open or accepted. */
  query: tracingQuerySchema.nullable(),
  reply: z.string().nullable(),
  references: z.array(tracingReferenceSchema),
  partnerCandidates: z.array(tracingPartnerCandidateSchema),
});
export type TracingRequest = z.infer<typeof tracingRequestSchema>;

export const tracingRequestSummarySchema = tracingRequestSchema.pick({
  id: true,
  direction: true,
  reportId: true,
  fromOrg: true,
  toOrg: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  candidatesFound: true,
});

export const tracingPartnerSchema = z.object({ id: z.string(), name: z.string() });

/** Outbox or inbox, newest first, by cursor. */
export const tracingListQuerySchema = z.strictObject({
  direction: z.enum(['outgoing', 'incoming']),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TracingListQuery = z.infer<typeof tracingListQuerySchema>;
export const tracingListSchema = z.object({
  items: z.array(tracingRequestSummarySchema),
  nextCursor: z.string().nullable(),
});
