// Payloads of the households API: a family, a caravan group, or the group formed around an
// unaccompanied or separated child, with each member's relationship to the household's
// reference person ('self') and, for a child, the adult member responsible for them.
import { z } from 'zod';
import { INT4_MAX, versionSchema } from '../api/integers.ts';

export const householdKinds = ['family', 'caravan_group', 'unaccompanied_child', 'separated_child', 'other'] as const;
export const householdKindSchema = z.enum(householdKinds);
export type HouseholdKind = z.infer<typeof householdKindSchema>;

/** The member's relationship to the reference person (who is 'self'). */
export const relationships = [
  'self',
  'parent',
  'child',
  'guardian',
  'ward',
  'sibling',
  'partner',
  'grandparent',
  'grandchild',
  'other_relative',
  'other',
] as const;
export const relationshipSchema = z.enum(relationships);
export type Relationship = z.infer<typeof relationshipSchema>;

export const HOUSEHOLD_LABEL_MAX = 200;
export const HOUSEHOLD_NOTES_MAX = 5000;
export const HOUSEHOLD_MEMBERS_MAX = 60;

export const householdMemberInputSchema = z.strictObject({
  personId: z.string().uuid(),
  relationship: relationshipSchema,
  responsibleAdultId: z.string().uuid().nullable().optional(),
});
export type HouseholdMemberInput = z.infer<typeof householdMemberInputSchema>;

export const householdCreateSchema = z.strictObject({
  kind: householdKindSchema,
  label: z.string().trim().max(HOUSEHOLD_LABEL_MAX).optional(),
  notes: z.string().max(HOUSEHOLD_NOTES_MAX).optional(),
  teamId: z.string().uuid().optional(),
  members: z.array(householdMemberInputSchema).min(1).max(HOUSEHOLD_MEMBERS_MAX),
});
export type HouseholdCreate = z.infer<typeof householdCreateSchema>;

export const householdUpdateSchema = z.strictObject({
  version: versionSchema,
  kind: householdKindSchema.optional(),
  label: z.string().trim().max(HOUSEHOLD_LABEL_MAX).nullable().optional(),
  notes: z.string().max(HOUSEHOLD_NOTES_MAX).nullable().optional(),
});
export type HouseholdUpdate = z.infer<typeof householdUpdateSchema>;

export const householdAddMemberSchema = householdMemberInputSchema.extend({ version: versionSchema });
export const householdResponsibleAdultSchema = z.strictObject({
  version: versionSchema,
  responsibleAdultId: z.string().uuid().nullable(),
});
export const householdVersionQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).max(INT4_MAX) });

export const householdMemberSchema = z.object({
  personId: z.string(),
  givenNames: z.string(),
  surnames: z.string(),
  birthYear: z.number().int().optional(),
  /** Age reached this year, from the birth year (null when unknown). */
  age: z.number().int().nullable(),
  relationship: relationshipSchema,
  responsibleAdultId: z.string().nullable(),
  /** The actor may not read this member's record: names are left out. */
  restricted: z.boolean(),
});

export const householdSchema = z.object({
  id: z.string(),
  kind: householdKindSchema,
  label: z.string().optional(),
  notes: z.string().optional(),
  teamId: z.string().nullable(),
  ownerAccountId: z.string().nullable(),
  members: z.array(householdMemberSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof householdSchema>;

export const householdSummarySchema = z.object({
  id: z.string(),
  kind: householdKindSchema,
  label: z.string().optional(),
  memberCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type HouseholdSummary = z.infer<typeof householdSummarySchema>;

export const householdListQuerySchema = z.strictObject({
  kind: householdKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const householdListResponseSchema = z.object({
  items: z.array(householdSummarySchema),
  nextCursor: z.string().nullable(),
});
