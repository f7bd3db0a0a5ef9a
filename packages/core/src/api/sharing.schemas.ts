// Payloads of the sharing-agreement administration API (decision 0128): both organisations see an
// agreement; the organisation whose records are shared creates it with its purposes and validity,
// and either side may revoke it. Each purpose carries the fields it shares, from policy data.
import { z } from 'zod';
import { personShareableFields, sharingPurposeIds } from '../policy/sharing-purposes.ts';

// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();
const localized = z.object({ es: z.string(), en: z.string() });

export const sharingPurposeIdSchema = z.enum(sharingPurposeIds);

export const sharingPurposeSchema = z.object({
  id: sharingPurposeIdSchema,
  label: localized,
  description: localized,
  reads: z.array(z.string()),
  personFields: z.array(z.enum(personShareableFields)),
  consent: z.enum(['sharing', 'referral']).nullable(),
});

export const sharingAgreementCreateSchema = z.strictObject({
  /** The organisation that will read this organisation's records. */
  partnerOrgId: z.string().uuid(),
  purposes: z.array(sharingPurposeIdSchema).min(1).max(sharingPurposeIds.length),
  /** First day in force (default today). */
  validFrom: isoDate.optional(),
  /** Last day in force; none means until revoked. */
  validUntil: isoDate.nullable().optional(),
});
export type SharingAgreementCreate = z.infer<typeof sharingAgreementCreateSchema>;

const orgRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const sharingAgreementSchema = z.object({
  id: z.string(),
  /** outgoing: this organisation shares its records; incoming: the partner shares with this organisation. */
  direction: z.enum(['outgoing', 'incoming']),
  from: orgRef,
  to: orgRef,
  purposes: z.array(z.string()),
  /** The person fields the agreement lets the receiver read, per purpose (what the screen shows). */
  fieldsByPurpose: z.record(z.string(), z.array(z.string())),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'scheduled', 'expired', 'revoked']),
});
export type SharingAgreement = z.infer<typeof sharingAgreementSchema>;

export const sharingAgreementListSchema = z.object({
  items: z.array(sharingAgreementSchema),
  purposes: z.array(sharingPurposeSchema),
  /** Organisations an agreement can be made with (every other organisation of the deployment). */
  partners: z.array(orgRef),
});
