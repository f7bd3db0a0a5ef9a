// Family separation and reunification (issue 8, item 4): a family file with its separated
// members (who, where, since when, which authority holds them), children's cases, tracing
// requests, a reunification plan and its completion. Members in a partner organisation are
// shown only when that organisation shares with ours and the person consented to sharing.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

export const holdingAuthorities = ['ice', 'cbp', 'orr', 'inm', 'dif', 'shelter', 'other', 'none'] as const;
export const memberStatuses = ['separated', 'located', 'in_contact', 'reunified'] as const;
export const tracingChannels = ['icrc_rfl', 'consulate', 'authority', 'partner', 'other'] as const;
export const tracingStatuses = ['open', 'located', 'closed_not_found'] as const;
export const familyStatuses = ['separated', 'reunified', 'closed'] as const;

export const familyCreateSchema = z.strictObject({
  label: text(200),
  /** Start from a household: its members join the family. */
  householdId: uuid.optional(),
});

export const familyMemberCreateSchema = z
  .strictObject({
    /** A person of our organisation… */
    personId: uuid.optional(),
    /** …or someone not registered (name kept encrypted). */
    name: text(200).optional(),
    relationship: text(40),
    isChild: z.boolean().default(false),
    separatedSince: day.optional(),
    location: text(500).optional(),
    holdingAuthority: z.enum(holdingAuthorities).optional(),
    holdingCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    guardian: text(200).optional(),
  })
  .refine((v) => Boolean(v.personId) !== Boolean(v.name), { message: 'personId or name', path: ['personId'] });
export type FamilyMemberCreate = z.input<typeof familyMemberCreateSchema>;

export const familyMemberUpdateSchema = z.strictObject({
  status: z.enum(memberStatuses).optional(),
  location: text(500).optional(),
  holdingAuthority: z.enum(holdingAuthorities).optional(),
  guardian: text(200).optional(),
});

export const tracingCreateSchema = z.strictObject({
  memberId: uuid,
  channel: z.enum(tracingChannels),
  requestedOn: day,
  note: text(2000).optional(),
});
export const tracingUpdateSchema = z.strictObject({ status: z.enum(tracingStatuses).exclude(['open']), closedOn: day });
export const planStepCreateSchema = z.strictObject({ title: text(300), dueOn: day.optional() });
export const planStepDoneSchema = z.strictObject({ doneOn: day });
export const reunifySchema = z.strictObject({ version: versionSchema, reunifiedOn: day });
/** A link to a partner organisation's person record (found through shared search). */
export const familyLinkSchema = z.strictObject({
  linkedPersonId: uuid,
  relationship: text(40),
  isChild: z.boolean().default(false),
});

const memberSchema = z.object({
  id: uuid,
  personId: uuid.nullable(),
  /** The member's organisation when it is a partner's record. */
  partnerOrg: z.object({ id: uuid, name: z.string() }).nullable(),
  /** False when the record is a partner's that sharing or consent does not (or no longer) allow: nothing else is shown. */
  visible: z.boolean(),
  name: z.string().nullable(),
  relationship: z.string(),
  isChild: z.boolean(),
  separatedSince: z.string().nullable(),
  location: z.string().nullable(),
  holdingAuthority: z.enum(holdingAuthorities).nullable(),
  holdingCountry: z.string().nullable(),
  guardian: z.string().nullable(),
  caseId: uuid.nullable(),
  status: z.enum(memberStatuses),
});

export const familySchema = z.object({
  id: uuid,
  label: z.string(),
  householdId: uuid.nullable(),
  status: z.enum(familyStatuses),
  reunifiedOn: z.string().nullable(),
  members: z.array(memberSchema),
  tracing: z.array(
    z.object({
      id: uuid,
      memberId: uuid,
      channel: z.enum(tracingChannels),
      requestedOn: z.string(),
      status: z.enum(tracingStatuses),
      note: z.string().nullable(),
      closedOn: z.string().nullable(),
    }),
  ),
  plan: z.array(z.object({ id: uuid, title: z.string(), dueOn: z.string().nullable(), doneOn: z.string().nullable() })),
  version: z.number().int(),
});
export type Family = z.infer<typeof familySchema>;
export type FamilyMember = z.infer<typeof memberSchema>;

export const familyListSchema = z.object({
  items: z.array(
    z.object({
      id: uuid,
      label: z.string(),
      status: z.enum(familyStatuses),
      memberCount: z.number().int(),
      reunifiedOn: z.string().nullable(),
    }),
  ),
  /** The next page (null on the last one). */
  nextCursor: z.string().nullable(),
});
