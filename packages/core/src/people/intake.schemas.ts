// Payloads of the intake: "es la misma persona" (link a partner's record, or merge into this
// organisation's record), a family registered in one step (decision 0136), and the case plan
// proposed from the screening flags and the differentiated profile.
import { z } from 'zod';
import { personCreateSchema } from './person.schemas.ts';
import { versionSchema } from '../api/integers.ts';
import { recordedIndicatorKeys, PROFILE_NOTES_MAX } from './profile.ts';
import { householdKindSchema, relationshipSchema } from '../households/household.schemas.ts';

const uuid = z.string().uuid();
const isoDate = z.iso.date();
const localized = z.object({ es: z.string(), en: z.string() });

/** POST /api/people/:id/links: this record and a partner's record are the same person. */
export const personLinkCreateSchema = z.strictObject({ linkedPersonId: uuid });
export const personLinkSchema = z.object({
  id: z.string(),
  personId: z.string(),
  linkedPersonId: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});
export type PersonLink = z.infer<typeof personLinkSchema>;

/** POST /api/people/:id/merge: what was typed at intake joins the existing record (fills blanks only). */
export const personMergeSchema = z.strictObject({ version: versionSchema, typed: personCreateSchema });
export const personMergeResultSchema = z.object({ personId: z.string(), filled: z.array(z.string()) });

const intakeMemberSchema = z.strictObject({
  /**
   * What was typed. With `existingPersonId` ("es la misma persona" in this organisation) it only
   * fills what that record lacks; without it, a new record.
   */
  person: personCreateSchema.optional(),
  existingPersonId: uuid.optional(),
  /** A partner's record of the same person, linked without copying anything. */
  linkPartnerPersonId: uuid.optional(),
  relationship: relationshipSchema,
  indicators: z.array(z.enum(recordedIndicatorKeys)).max(recordedIndicatorKeys.length).default([]),
  profileNotes: z.string().max(PROFILE_NOTES_MAX).optional(),
});

/** POST /api/intake: one or more people who arrived together, registered in one step. */
export const intakeCreateSchema = z.strictObject({
  arrivedOn: isoDate,
  kind: householdKindSchema.default('family'),
  /** The first member is the reference person (relationship 'self'); children get them as responsible adult. */
  members: z.array(intakeMemberSchema).min(1).max(12),
  consents: z
    .array(z.enum(['care', 'referral', 'sharing', 'statistics']))
    .max(4)
    .default([]),
  consentMethod: z.enum(['signed', 'oral_with_witness', 'by_guardian']).default('signed'),
  witnessName: z.string().max(200).optional(),
});
export type IntakeCreate = z.input<typeof intakeCreateSchema>;
export const intakeResultSchema = z.object({
  householdId: z.string().nullable(),
  people: z.array(z.object({ personId: z.string(), created: z.boolean(), linked: z.boolean() })),
});
export type IntakeResult = z.infer<typeof intakeResultSchema>;

/** GET /api/people/:id/plan-proposal: the tasks a new case would start with, and why. */
export const planProposalTaskSchema = z.object({
  key: z.string(),
  label: localized,
  dueOn: z.string(),
  source: z.enum(['best_interests', 'screening', 'profile']),
  /** Required steps (a child-protection case) cannot be left out, only rescheduled. */
  required: z.boolean(),
  reasons: z.array(localized),
});
export const planProposalSchema = z.object({ tasks: z.array(planProposalTaskSchema) });
export type PlanProposal = z.infer<typeof planProposalSchema>;
export type PlanProposalTask = z.infer<typeof planProposalTaskSchema>;
