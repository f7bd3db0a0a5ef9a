// Payloads of the audit-log read API (decision 0128): an organisation's administrators read the
// entries about their organisation's records and by their organisation's accounts, filtered and
// paged by cursor, or export them as CSV. Reading is itself audited.
import { z } from 'zod';

// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();

export const auditLogQuerySchema = z.strictObject({
  /** With recordId: one record (e.g. 'person', 'case', 'sharing_agreement'). */
  recordType: z.string().trim().min(1).max(60).optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  /** Entries about a person: the person record and entries of other records that name the person. */
  personId: z.string().uuid().optional(),
  /** Entries by one account. */
  accountId: z.string().uuid().optional(),
  /** An action ('person.read') or a family of actions ending in a dot ('access.refused.', 'person.'). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*\.?$/)
    .max(80)
    .optional(),
  /** First and last day, inclusive (UTC). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditLogExportQuerySchema = auditLogQuerySchema.omit({ limit: true, cursor: true });

export const auditLogEntrySchema = z.object({
  seq: z.number().int().max(Number.MAX_SAFE_INTEGER),
  at: z.string(),
  actorAccountId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  orgId: z.string().nullable(),
  fields: z.array(z.string()),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z.object({
  items: z.array(auditLogEntrySchema),
  nextCursor: z.string().nullable(),
});

/** Most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
