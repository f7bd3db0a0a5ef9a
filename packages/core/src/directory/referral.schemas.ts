// Referrals between organisations: payloads and the rules both sides of the API share (which
// person fields a sender may share, when an answer or an outcome is due).
import { z } from 'zod';

const uuid = z.string().uuid();

export const referralUrgencies = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof referralUrgencies)[number];

export const referralStatuses = [
  'sent',
  'accepted',
  'declined',
  'redirected',
  'completed',
  'closed_no_outcome',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const openReferralStatuses: readonly ReferralStatus[] = ['sent', 'accepted'];

/**
 * The person fields a sender may choose to share; 'name' is given names and surnames together.
 * Internal notes are never shareable.
 */
export const referralShareableFields = [
  'name',
  'birthDate',
  'sex',
  'nationality',
  'languages',
  'documents',
  'contacts',
  'origin',
  'genderIdentity',
] as const;
export type ReferralShareableField = (typeof referralShareableFields)[number];

/** Days the receiver has to answer a referral that was sent, by urgency; past them it is overdue. */
export const referralAnswerDays: Record<ReferralUrgency, number> = { emergency: 1, urgent: 3, routine: 10 };
/** Days from acceptance to an outcome (completed or closed), by urgency. */
export const referralOutcomeDays: Record<ReferralUrgency, number> = { emergency: 7, urgent: 15, routine: 30 };

export const referralSnapshotSchema = z.strictObject({
  givenNames: z.string().optional(),
  surnames: z.string().optional(),
  birthDate: z.string().optional(),
  sex: z.enum(['F', 'M', 'X']).optional(),
  nationality: z.string().optional(),
  languages: z.array(z.object({ language: z.string(), interpreterNeeded: z.boolean().optional() })).optional(),
  documents: z
    .array(
      z.object({ type: z.string(), number: z.string(), issuer: z.string().optional(), expiry: z.string().optional() }),
    )
    .optional(),
  contacts: z.array(z.object({ channel: z.string(), value: z.string(), note: z.string().optional() })).optional(),
  origin: z.object({ country: z.string().optional(), place: z.string().optional() }).optional(),
  genderIdentity: z.string().optional(),
});
export type ReferralSnapshot = z.infer<typeof referralSnapshotSchema>;

const target = {
  /** A partner organisation on the platform… */
  toOrgId: uuid.optional(),
  /** …and/or one of its directory services that accepts referrals. */
  toServiceId: uuid.optional(),
};
const hasTarget = (v: { toOrgId?: string | undefined; toServiceId?: string | undefined }) =>
  Boolean(v.toOrgId || v.toServiceId);

export const referralCreateSchema = z
  .strictObject({
    personId: uuid,
    ...target,
    urgency: z.enum(referralUrgencies).default('routine'),
    reason: z.string().trim().min(1).max(4000),
    sharedFields: z.array(z.enum(referralShareableFields)).min(1).max(referralShareableFields.length),
  })
  .refine(hasTarget, { message: 'toOrgId or toServiceId', path: ['toOrgId'] });
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

export const referralPreviewQuerySchema = z.strictObject({
  personId: uuid,
  /** Comma-separated field names, e.g. name,birthDate */
  fields: z.string().min(1).max(200),
});

export const referralDeclineSchema = z.strictObject({ reason: z.string().trim().min(1).max(4000) });
export const referralCompleteSchema = z.strictObject({ outcome: z.string().trim().min(1).max(8000) });
export const referralCloseSchema = z.strictObject({ note: z.string().trim().max(4000).optional() });
export const referralRedirectSchema = z
  .strictObject(target)
  .refine(hasTarget, { message: 'toOrgId or toServiceId', path: ['toOrgId'] });

export const referralListQuerySchema = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('outgoing'),
  status: z.enum(referralStatuses).optional(),
  personId: uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

const named = z.object({ id: z.string(), name: z.string() });

export const referralSchema = z.object({
  id: z.string(),
  /** How the caller stands to it: 'sent' (sending organisation) or 'received'. */
  side: z.enum(['sent', 'received']),
  /** The person in the sender's records; null for the receiver, who never learns it. */
  personId: z.string().nullable(),
  fromOrg: named,
  toOrg: named,
  toService: named.nullable(),
  urgency: z.enum(referralUrgencies),
  sharedFields: z.array(z.enum(referralShareableFields)),
  /** Null for the receiver once the person withdrew consent. */
  reason: z.string().nullable(),
  /** What the receiver sees of the person (receiver and preview only; null after withdrawal, decline or redirect). */
  snapshot: referralSnapshotSchema.nullable(),
  consentWithdrawn: z.boolean(),
  /** The person's data was erased at their request (decision 0118): reason and snapshot are gone at both ends. */
  personErased: z.boolean(),
  status: z.enum(referralStatuses),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  redirectedFromId: z.string().nullable(),
  redirectedToId: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  history: z.array(
    z.object({ status: z.enum(referralStatuses), changedAt: z.string(), by: z.enum(['sender', 'receiver']) }),
  ),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralListResponseSchema = z.object({
  items: z.array(referralSchema),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
});

export const referralPreviewSchema = z.object({
  sharedFields: z.array(z.enum(referralShareableFields)),
  snapshot: referralSnapshotSchema,
  /** False: sending would be refused until the person's referral consent is recorded. */
  consentActive: z.boolean(),
});
