// Writing to and verifying the audit log. An entry is appended in the same transaction as the
// change it records, so a crash can never keep the change and lose its audit entry.
import type { Database, Queryable } from '../kernel/db/database.ts';
import { auditRowMac, type AuditContent } from './audit-mac.ts';

export interface AuditEntry {
  actorAccountId?: string | null;
  actorOrgId?: string | null;
  /** e.g. 'auth.login', 'account.create', 'membership.role_change', 'person.read' */
  action: string;
  recordType: string;
  recordId?: string | null;
  orgId?: string | null;
  /** Which fields were read or written (never their values). */
  fields?: string[];
  ip?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditWriter {
  /** Appends inside an open transaction. */
  append(tx: Queryable, entry: AuditEntry): Promise<number>;
  /** Appends in a transaction of its own. */
  record(entry: AuditEntry): Promise<number>;
}

export function createAuditWriter(db: Database, auditKey: Buffer, clock: () => Date = () => new Date()): AuditWriter {
  // No global lock is held here: the entry takes the next sequence number and its own keyed MAC;
  // the sealer (audit-seal.ts) chains entries in sequence order moments later. The transaction id
  // is taken BEFORE the number (the materialised CTE runs first), which is what lets the sealer
  // know when every number up to a point is final (decision 0125).
  const append = async (tx: Queryable, entry: AuditEntry): Promise<number> => {
    const content: AuditContent = {
      seq: 0,
      at: clock().toISOString(),
      actorAccountId: entry.actorAccountId ?? null,
      actorOrgId: entry.actorOrgId ?? null,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId ?? null,
      orgId: entry.orgId ?? null,
      fields: entry.fields ?? [],
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    };
    const { rows } = await tx.query<{ seq: string | number }>(
      `WITH appending AS MATERIALIZED (SELECT pg_current_xact_id())
       INSERT INTO audit_log (at, actor_account_id, actor_org_id, action, record_type, record_id, org_id, fields, ip, details, row_mac)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM appending
       RETURNING seq`,
      [
        content.at,
        content.actorAccountId,
        content.actorOrgId,
        content.action,
        content.recordType,
        content.recordId,
        content.orgId,
        content.fields,
        content.ip,
        JSON.stringify(content.details),
        auditRowMac(auditKey, content),
      ],
    );
    return Number(rows[0]?.seq);
  };
  // A single statement commits on its own: no BEGIN/COMMIT round trips for an access record.
  return { append, record: (entry) => append(db, entry) };
}

export { verifyAuditChain, sealAndVerifyAuditChain, type AuditVerification } from './audit-verify.ts';
