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

function contentOf(entry: AuditEntry, at: Date): AuditContent {
  return {
    seq: 0,
    at: at.toISOString(),
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
}

// No global lock is held here: entries take the next sequence numbers and their own keyed MACs;
// the sealer (audit-seal.ts) chains entries in sequence order moments later. The transaction id
// is taken BEFORE the numbers (the materialised CTE runs first), which is what lets the sealer
// know when every number up to a point is final (decision 0125). Rows are inserted in the order
// given, so the k-th smallest number returned belongs to the k-th entry.
async function insertEntries(tx: Queryable, auditKey: Buffer, contents: AuditContent[]): Promise<number[]> {
  const batch = contents.map((c) => ({
    at: c.at,
    actor_account_id: c.actorAccountId,
    actor_org_id: c.actorOrgId,
    action: c.action,
    record_type: c.recordType,
    record_id: c.recordId,
    org_id: c.orgId,
    fields: c.fields,
    ip: c.ip,
    details: c.details,
    row_mac: auditRowMac(auditKey, c),
  }));
  const { rows } = await tx.query<{ seq: string | number }>(
    `WITH appending AS MATERIALIZED (SELECT pg_current_xact_id())
     INSERT INTO audit_log (at, actor_account_id, actor_org_id, action, record_type, record_id, org_id, fields, ip, details, row_mac)
     SELECT e.at, e.actor_account_id, e.actor_org_id, e.action, e.record_type, e.record_id, e.org_id, e.fields, e.ip, e.details, e.row_mac
       FROM appending, ROWS FROM (jsonb_to_recordset($1::jsonb) AS (at timestamptz, actor_account_id uuid, actor_org_id uuid, action text,
              record_type text, record_id text, org_id uuid, fields text[], ip text, details jsonb, row_mac text)) WITH ORDINALITY
              AS e(at, actor_account_id, actor_org_id, action, record_type, record_id, org_id, fields, ip, details, row_mac, n)
      ORDER BY e.n
     RETURNING seq`,
    [JSON.stringify(batch)],
  );
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

interface Waiting {
  content: AuditContent;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 500;

export function createAuditWriter(db: Database, auditKey: Buffer, clock: () => Date = () => new Date()): AuditWriter {
  const append = async (tx: Queryable, entry: AuditEntry): Promise<number> => {
    const [seq] = await insertEntries(tx, auditKey, [contentOf(entry, clock())]);
    return seq as number;
  };

  // Access records of concurrent requests are written together: one autocommit INSERT for all
  // the entries queued while the previous one ran (group commit). Each request still waits for
  // its own entry to be committed before it answers. If a batch fails, its entries are retried
  // one by one so that one bad entry cannot take the others with it.
  const waiting: Waiting[] = [];
  let flushing = false;
  const settle = async (group: Waiting[]) => {
    try {
      const seqs = await insertEntries(
        db,
        auditKey,
        group.map((w) => w.content),
      );
      group.forEach((w, i) => w.resolve(seqs[i] as number));
    } catch (error) {
      if (group.length === 1) return group[0]?.reject(error);
      for (const w of group) await settle([w]);
    }
  };
  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) await settle(waiting.splice(0, MAX_BATCH));
    flushing = false;
  };
  const record = (entry: AuditEntry) =>
    new Promise<number>((resolve, reject) => {
      waiting.push({ content: contentOf(entry, clock()), resolve, reject });
      if (!flushing) void flush();
    });
  return { append, record };
}

export { verifyAuditChain, sealAndVerifyAuditChain, type AuditVerification } from './audit-verify.ts';
