// Payloads of the cases API, shared by the server (validation, OpenAPI) and the web app (types).
// Objects are strict. Sizes that deserve their own translated error naming the field (a note's
// length, a missing reason) are checked by the server after parsing, not here.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';

/** Longest case note, characters: a long account fits; a 10 MB paste does not. */
export const CASE_NOTE_MAX = 50_000;
/** Longest reason for closing or reopening, and longest free-text task. */
export const CASE_REASON_MAX = 2_000;
export const CASE_TASK_TEXT_MAX = 1_000;

// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();
const uuid = z.string().uuid();
const localized = z.object({ es: z.string(), en: z.string() });

export const caseStatusSchema = z.enum(['open', 'active', 'on_hold', 'closed']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export const caseStatuses = caseStatusSchema.options;

export const caseCreateSchema = z.strictObject({
  personId: uuid.optional(),
  householdId: uuid.optional(),
  /** Defaults to the person opening the case. */
  assignedAccountId: uuid.optional(),
  /** Defaults to the person's team, else the opener's first team. */
  teamId: uuid.optional(),
  /** Also plan the tasks the person's latest screenings suggest. */
  includeSuggestedTasks: z.boolean().default(false),
  /**
   * The proposed plan as the caseworker accepted or edited it (catalogue keys with their due
   * dates). When sent it replaces the screening suggestions; a child's best-interests steps stay.
   */
  plan: z
    .array(z.strictObject({ key: z.string().max(60), dueOn: isoDate }))
    .max(40)
    .optional(),
});

export const caseUpdateSchema = z.strictObject({
  version: versionSchema,
  status: z.enum(['open', 'active', 'on_hold']).optional(),
  assignedAccountId: uuid.nullable().optional(),
  teamId: uuid.nullable().optional(),
});

export const caseReasonSchema = z.strictObject({
  version: versionSchema,
  reason: z.string(),
});

export const caseTaskCreateSchema = z.strictObject({
  /** A catalogue task (see caseTaskCatalogue) … */
  key: z.string().max(60).optional(),
  /** … or a task in the caseworker's own words (encrypted). */
  description: z.string().optional(),
  ownerAccountId: uuid.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});

export const caseTaskUpdateSchema = z.strictObject({
  version: versionSchema,
  done: z.boolean().optional(),
  ownerAccountId: uuid.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});

export const caseNoteCreateSchema = z.strictObject({ text: z.string() });

export const caseTaskSchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  label: localized.nullable(),
  description: z.string().nullable(),
  source: z.enum(['manual', 'best_interests', 'screening']),
  ownerAccountId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  done: z.boolean(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

export const caseNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorAccountId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const caseAttachmentSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export const suggestedCaseTaskSchema = z.object({ key: z.string(), label: localized });

// What a case's page and a row of the case list both show.
const caseHeaderSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  householdId: z.string().nullable(),
  givenNames: z.string().nullable(),
  surnames: z.string().nullable(),
  nationality: z.string().nullable(),
  status: caseStatusSchema,
  assignedAccountId: z.string().nullable(),
  assignedName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});

export const caseSchema = caseHeaderSchema.extend({
  openedBy: z.string().nullable(),
  childProtection: z.boolean(),
  tasks: z.array(caseTaskSchema),
  suggestedTasks: z.array(suggestedCaseTaskSchema),
  canUpdate: z.boolean(),
});

export const caseSummarySchema = caseHeaderSchema.extend({
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
});

export const caseListQuerySchema = z.strictObject({
  status: caseStatusSchema.optional(),
  /** An account id, or "me". */
  assignedTo: z.union([uuid, z.literal('me')]).optional(),
  teamId: uuid.optional(),
  /** A screening flag key (e.g. unaccompanied_or_separated_child). */
  flag: z.string().max(60).optional(),
  nationality: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .optional(),
  openedFrom: isoDate.optional(),
  openedTo: isoDate.optional(),
  personId: uuid.optional(),
  /** Tolerant name, alias or document search. */
  q: z.string().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const caseListResponseSchema = z.object({
  items: z.array(caseSummarySchema),
  nextCursor: z.string().nullable(),
});

export const caseTimelineItemSchema = z.object({
  at: z.string(),
  source: z.enum(['case', 'screening', 'referral', 'procedure']),
  kind: z.string(),
  actorName: z.string().nullable(),
  /** Non-personal facts of the event (status from/to, task key, assignee name…). */
  data: z.record(z.string(), z.string()),
  /** A reason or a note's text, only when the reader may read it. */
  text: z.string().nullable(),
});

export const caseAssigneesSchema = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});

export type CaseCreate = z.input<typeof caseCreateSchema>;
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;
export type CaseReason = z.infer<typeof caseReasonSchema>;
export type CaseTaskCreate = z.infer<typeof caseTaskCreateSchema>;
export type CaseTaskUpdate = z.infer<typeof caseTaskUpdateSchema>;
export type CaseView = z.infer<typeof caseSchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type CaseTask = z.infer<typeof caseTaskSchema>;
export type CaseNote = z.infer<typeof caseNoteSchema>;
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type CaseListQueryInput = z.input<typeof caseListQuerySchema>;
export type CaseTimelineItem = z.infer<typeof caseTimelineItemSchema>;
export type CaseAssignees = z.infer<typeof caseAssigneesSchema>;
