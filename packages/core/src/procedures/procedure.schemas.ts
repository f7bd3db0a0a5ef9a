// Payloads of the procedures API, shared by server and web.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import { isValidPlainDateText } from '../deadlines/index.ts';

const plainDate = z.string().refine(isValidPlainDateText, { message: 'expected a real date YYYY-MM-DD' });
const localized = z.object({ es: z.string(), en: z.string() });

export const procedureCreateSchema = z.strictObject({
  personId: z.string().uuid(),
  type: z.string().min(1).max(100),
  stage: z.string().max(60).optional(),
});

export const stepTriggerSchema = z.strictObject({
  /** YYYY-MM-DD, or for hour rules YYYY-MM-DDTHH:MM (local) or an ISO instant. */
  trigger: z.string().min(10).max(40),
  window: z.strictObject({ opens: plainDate, closes: plainDate }).optional(),
  details: z
    .strictObject({
      court: z.string().max(200).optional(),
      judge: z.string().max(200).optional(),
      place: z.string().max(200).optional(),
    })
    .optional(),
});

export const stepCompleteSchema = z.strictObject({ completedOn: plainDate });
export const stageChangeSchema = z.strictObject({
  stage: z.string().min(1).max(60),
  version: versionSchema,
});

export const deadlineStatusSchema = z.enum(['overdue', 'due_today', 'at_risk', 'on_track', 'met']);

/**
 * Why a deadline is "at risk", from the deadline engine's own rule (AtRiskReason): at most `limit`
 * working days (or calendar days without a calendar) left, or at most `limit` of the period.
 */
export const atRiskReasonSchema = z.object({
  rule: z.enum(['working_days', 'calendar_days', 'share_of_period']),
  limit: z.number(),
});

/** The filing date a lawyer records with a receipt (query of POST …/steps/:step/filing; the body is the file). */
export const filingQuerySchema = z.strictObject({ filedOn: plainDate });

/** A filing recorded on a step: when it was filed and the receipt kept (name, type, size, SHA-256). */
export const procedureFilingSchema = z.object({
  id: z.string(),
  filedOn: z.string(),
  receiptName: z.string(),
  receiptType: z.string(),
  receiptSize: z.number().int(),
  receiptSha256: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** Until when it can still be undone; null once that time has passed. */
  undoUntil: z.string().nullable(),
});

export const procedureStepSchema = z.object({
  key: z.string(),
  title: localized,
  ruleId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  calendarId: z.string().nullable(),
  trigger: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueInstant: z.string().nullable(),
  window: z.object({ opens: z.string(), closes: z.string() }).nullable(),
  explanation: localized.nullable(),
  legalBasis: z.string().nullable(),
  needsLegalReview: z.boolean(),
  completedOn: z.string().nullable(),
  status: deadlineStatusSchema.nullable(),
  /** With 'at_risk': the part of the engine's rule that applies, to say it in words beside the status. */
  atRisk: atRiskReasonSchema.nullable().optional(),
  /** Working days left to the due date (open steps counted on a calendar), for "en 8 días hábiles". */
  workingDaysLeft: z.number().int().nullable().optional(),
  /** The live filing recorded on this step, if any. */
  filing: procedureFilingSchema.nullable().optional(),
  details: z.record(z.string(), z.string()).nullable(),
  /** When a calendar change moved the due date: the earlier date and why. */
  previousDueDate: z.string().nullable(),
  changeNote: z.string().nullable(),
  /** A newer version of the rule is in force for new steps; this one keeps its own. */
  newerRuleVersion: z.number().int().nullable(),
  /** What the newer version changed (from the rule's own change note), when it says. */
  newerRuleChange: localized.nullable().optional(),
});

export const procedureSchema = z.object({
  id: z.string(),
  personId: z.string(),
  type: z.string(),
  typeVersion: z.number().int(),
  title: localized,
  jurisdiction: z.enum(['MX', 'US']),
  stage: z.string(),
  stages: z.array(z.string()),
  version: z.number().int(),
  ownerAccountId: z.string().nullable(),
  createdAt: z.string(),
  steps: z.array(procedureStepSchema),
});

/** One event in a procedure's history, read from the audit log (who did what, when). */
export const procedureTimelineItemSchema = z.object({
  at: z.string(),
  kind: z.enum(['opened', 'step_set', 'step_done', 'step_recomputed', 'stage_changed', 'filed', 'filing_undone']),
  by: z.string().nullable(),
  stepKey: z.string().optional(),
  /** Stage changes: from → to. Recomputed steps: the old and new due date. */
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  dueDate: z.string().nullable().optional(),
  completedOn: z.string().optional(),
  /** Filings: the receipt's SHA-256 (the file itself is on the step while the filing stands). */
  sha256: z.string().optional(),
});
export type ProcedureTimelineItem = z.infer<typeof procedureTimelineItemSchema>;

export const agendaItemSchema = z.object({
  procedureId: z.string(),
  personId: z.string(),
  procedureTitle: localized,
  stepKey: z.string(),
  stepTitle: localized,
  dueDate: z.string(),
  status: deadlineStatusSchema,
  /** With 'at_risk': the part of the engine's rule that applies (atRiskReasonSchema). */
  atRisk: atRiskReasonSchema.nullable().optional(),
  workingDaysLeft: z.number().int().nullable(),
  ruleId: z.string(),
  /** Whose deadline it is: only for people the reader may read (null otherwise). */
  personName: z.string().nullable().optional(),
});

export const agendaSchema = z.object({
  today: z.string(),
  overdue: z.array(agendaItemSchema),
  dueThisWeek: z.array(agendaItemSchema),
  atRisk: z.array(agendaItemSchema),
  upcoming: z.array(agendaItemSchema),
});

const overviewCountsSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  atRisk: z.number().int(),
});

/** The organisation's overview (coordinators, admins): who carries which deadlines, by type. */
export const procedureOverviewSchema = z.object({
  today: z.string(),
  totals: overviewCountsSchema,
  byLawyer: z.array(overviewCountsSchema.extend({ accountId: z.string().nullable(), name: z.string().nullable() })),
  byType: z.array(overviewCountsSchema.extend({ type: z.string(), title: localized })),
  overdue: z.array(agendaItemSchema.extend({ ownerName: z.string().nullable() })),
});

export const declaredDaySchema = z.strictObject({
  date: plainDate,
  reasonEs: z.string().min(3).max(300),
  reasonEn: z.string().min(3).max(300),
  source: z.string().min(3).max(500),
});

export type ProcedureView = z.infer<typeof procedureSchema>;
export type ProcedureStepView = z.infer<typeof procedureStepSchema>;
export type ProcedureFiling = z.infer<typeof procedureFilingSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type ProcedureOverview = z.infer<typeof procedureOverviewSchema>;
