// Referrals to any service of the directory: the ranked, eligibility-filtered list a worker picks
// from for one person, and the "canalización externa" the organisation records itself when the
// service does not receive referrals through Acompaña (phone, letter, accompanied visit).
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import { referralStatuses } from './referral.schemas.ts';

const uuid = z.string().uuid();
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const externalChannels = ['phone', 'letter', 'accompanied_visit', 'email', 'in_person'] as const;
export type ExternalChannel = (typeof externalChannels)[number];
export const externalStatuses = referralStatuses.filter((s) => s !== 'redirected') as Exclude<
  (typeof referralStatuses)[number],
  'redirected'
>[];

export const referralOptionsQuerySchema = z.strictObject({
  personId: uuid,
  /** A taxonomy term code of the needs vocabulary, e.g. housing. */
  need: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const referralOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  /** Kilometres from the person's current place (null when either place is unknown). */
  distanceKm: z.number().nullable(),
  /** The maintaining organisation receives referrals to it through Acompaña. */
  acceptsReferrals: z.boolean(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  eligibility: z.string().nullable(),
});
export type ReferralOption = z.infer<typeof referralOptionSchema>;

export const referralOptionsSchema = z.object({
  /** The place services are ranked from, and where it comes from. */
  origin: z.object({ city: z.string(), state: z.string(), source: z.enum(['reception', 'organisation']) }).nullable(),
  items: z.array(referralOptionSchema),
  /** How many services of the need were left out because the person is not eligible (nationality). */
  excludedIneligible: z.number().int(),
});
export type ReferralOptions = z.infer<typeof referralOptionsSchema>;

export const externalReferralCreateSchema = z.strictObject({
  personId: uuid,
  serviceId: uuid,
  channel: z.enum(externalChannels),
  referredOn: day,
  reason: text(4000),
  contact: text(500).optional(),
});
export type ExternalReferralCreate = z.infer<typeof externalReferralCreateSchema>;

/** What became of an external referral, as the worker heard it (by phone, from the person…). */
export const externalReferralAnswerSchema = z.strictObject({
  version: versionSchema,
  status: z.enum(['accepted', 'declined', 'completed', 'closed_no_outcome']),
  answeredOn: day,
  /** The reason the service gave (declined) or the outcome (completed, closed). */
  note: text(4000).optional(),
});
export type ExternalReferralAnswer = z.infer<typeof externalReferralAnswerSchema>;

export const externalReferralSchema = z.object({
  id: z.string(),
  personId: z.string(),
  service: z.object({ id: z.string(), name: z.string(), organisation: z.string() }),
  receptionId: z.string().nullable(),
  area: z.string().nullable(),
  channel: z.enum(externalChannels),
  referredOn: z.string(),
  reason: z.string(),
  contact: z.string().nullable(),
  status: z.enum(referralStatuses),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  answeredOn: z.string().nullable(),
  version: z.number().int(),
});
export type ExternalReferral = z.infer<typeof externalReferralSchema>;

export const externalReferralListQuerySchema = z.strictObject({ personId: uuid });
export const externalReferralListSchema = z.object({ items: z.array(externalReferralSchema) });
