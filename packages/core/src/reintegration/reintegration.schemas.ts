// Return and reintegration (issue 8, item 3) and consular help (item 5): payloads shared by the
// server and the staff app. Need areas follow the seeds' binational return policy (housing,
// health, education, employment, financial inclusion, GBV services, legal identity, validation
// of studies) plus psychosocial support; their codes are the directory's need taxonomy
// (acompana-needs), so an area leads straight to the services that meet it.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const country = z.string().regex(/^[A-Z]{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

export const needAreas = [
  'housing',
  'health',
  'education',
  'employment',
  'financial_inclusion',
  'gbv',
  'legal_identity',
  'validation_of_studies',
  'psychosocial',
] as const;
export type NeedArea = (typeof needAreas)[number];
export const needLevels = ['none', 'some', 'urgent'] as const;

export const arrivalModes = ['air', 'land', 'sea'] as const;
export const returningAuthorities = ['ice', 'cbp', 'inm', 'other_state', 'voluntary', 'other'] as const;

/** Follow-up after the assessment, in days (the plan is checked at one, three and six months). */
export const followUpMilestones = [30, 90, 180] as const;
export const followUpOutcomes = ['settled', 'progressing', 'struggling', 'lost_contact', 'migrated_again'] as const;
/** A follow-up is reminded once when it is a week away and once when it is overdue. */
export const FOLLOW_UP_REMINDER_DAYS = 7;

export const receptionCreateSchema = z.strictObject({
  personId: uuid,
  receivedOn: day,
  arrivalMode: z.enum(arrivalModes),
  portOfEntry: text(200),
  returnedFrom: country,
  returningAuthority: z.enum(returningAuthorities),
  familyLeftBehind: text(2000).optional(),
  /** Where the person is staying now (city, state): the directory is ranked from there. */
  stayingPlace: text(200).optional(),
  belongingsRetained: text(2000).optional(),
  documentsRetained: text(2000).optional(),
  notes: text(4000).optional(),
});
export type ReceptionCreate = z.infer<typeof receptionCreateSchema>;

export const assessmentSchema = z.strictObject({
  assessedOn: day,
  needs: z
    .array(z.strictObject({ area: z.enum(needAreas), level: z.enum(needLevels), note: text(1000).optional() }))
    .max(needAreas.length),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const planReferralCreateSchema = z
  .strictObject({
    area: z.enum(needAreas),
    toOrgId: uuid.optional(),
    toServiceId: uuid.optional(),
    urgency: z.enum(['routine', 'urgent', 'emergency']).default('routine'),
    reason: text(4000),
    sharedFields: z
      .array(
        z.enum([
          'name',
          'birthDate',
          'sex',
          'nationality',
          'languages',
          'documents',
          'contacts',
          'origin',
          'genderIdentity',
        ]),
      )
      .min(1),
  })
  .refine((v) => Boolean(v.toOrgId || v.toServiceId), { message: 'toOrgId or toServiceId', path: ['toOrgId'] });
export type PlanReferralCreate = z.infer<typeof planReferralCreateSchema>;

/** A referral of the plan to a service that does not receive referrals through Acompaña. */
export const planExternalReferralCreateSchema = z.strictObject({
  area: z.enum(needAreas),
  serviceId: uuid,
  channel: z.enum(['phone', 'letter', 'accompanied_visit', 'email', 'in_person']),
  referredOn: day,
  reason: text(4000),
  contact: text(500).optional(),
});
export type PlanExternalReferralCreate = z.infer<typeof planExternalReferralCreateSchema>;

export const followUpRecordSchema = z.strictObject({
  doneOn: day,
  outcome: z.enum(followUpOutcomes),
  note: text(2000).optional(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const followUpSchema = z.object({
  id: uuid,
  receptionId: uuid,
  milestone: z.number().int(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  outcome: z.enum(followUpOutcomes).nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  personId: uuid.optional(),
  givenNames: z.string().optional(),
  surnames: z.string().optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const receptionSchema = z.object({
  id: uuid,
  personId: uuid,
  givenNames: z.string(),
  surnames: z.string(),
  receivedOn: z.string(),
  arrivalMode: z.enum(arrivalModes),
  portOfEntry: z.string(),
  returnedFrom: z.string(),
  returningAuthority: z.enum(returningAuthorities),
  familyLeftBehind: z.string().nullable(),
  stayingPlace: z.string().nullable(),
  belongingsRetained: z.string().nullable(),
  documentsRetained: z.string().nullable(),
  notes: z.string().nullable(),
  ownerAccountId: z.string().nullable(),
  assessment: z.object({ assessedOn: z.string(), needs: assessmentSchema.shape.needs }).nullable(),
  plan: z.array(
    z.object({
      area: z.string(),
      referralId: uuid,
      /** 'platform': sent through Acompaña; 'external': recorded by the organisation (phone, letter…). */
      kind: z.enum(['platform', 'external']),
      channel: z.string().nullable(),
      status: z.string(),
      toOrgName: z.string(),
      toServiceName: z.string().nullable(),
      overdue: z.boolean(),
      dueAt: z.string().nullable(),
      declineReason: z.string().nullable(),
      outcome: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  followUps: z.array(followUpSchema),
  version: z.number().int(),
});
export type Reception = z.infer<typeof receptionSchema>;

export const receptionSummarySchema = z.object({
  id: uuid,
  personId: uuid,
  givenNames: z.string(),
  surnames: z.string(),
  receivedOn: z.string(),
  portOfEntry: z.string(),
  returnedFrom: z.string(),
  assessed: z.boolean(),
  nextFollowUp: z.string().nullable(),
});
export const receptionListQuerySchema = z.strictObject({
  personId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export const receptionListSchema = z.object({
  items: z.array(receptionSummarySchema),
  nextCursor: z.string().nullable(),
});
export const followUpListQuerySchema = z.strictObject({
  status: z.enum(['open', 'overdue', 'done']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});
/** A page of follow-ups; `nextCursor` asks for the next one (null on the last page). */
export const followUpListSchema = z.object({ items: z.array(followUpSchema), nextCursor: z.string().nullable() });

// Consular help -------------------------------------------------------------------------------
export const consularKinds = [
  'notification',
  'documents',
  'legal_representation',
  'repatriation',
  'detention_visit',
  'other',
] as const;
export const consularStatuses = ['requested', 'granted', 'refused', 'no_answer', 'withdrawn'] as const;

export const consularCreateSchema = z.strictObject({
  personId: uuid,
  consulateCountry: country,
  consulateCity: text(120),
  kind: z.enum(consularKinds),
  requestedOn: day,
  details: text(2000).optional(),
});
export const consularOutcomeSchema = z.strictObject({
  version: versionSchema,
  status: z.enum(consularStatuses).exclude(['requested']),
  outcomeOn: day,
  note: text(2000).optional(),
});
export const consularRequestSchema = z.object({
  id: uuid,
  personId: uuid,
  givenNames: z.string(),
  surnames: z.string(),
  consulateCountry: z.string(),
  consulateCity: z.string(),
  kind: z.enum(consularKinds),
  requestedOn: z.string(),
  details: z.string().nullable(),
  status: z.enum(consularStatuses),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number().int(),
});
export const consularListQuerySchema = z.strictObject({
  personId: uuid.optional(),
  status: z.enum(consularStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
/** A page of consular requests; `nextCursor` asks for the next one (null on the last page). */
export const consularListSchema = z.object({
  items: z.array(consularRequestSchema),
  nextCursor: z.string().nullable(),
});
export type ConsularRequest = z.infer<typeof consularRequestSchema>;
export type ConsularCreate = z.infer<typeof consularCreateSchema>;
export type ConsularOutcome = z.infer<typeof consularOutcomeSchema>;
