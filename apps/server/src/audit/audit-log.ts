// Writing to and verifying the audit log. An entry is appended in the same transaction as the
// change it records, so a crash can never keep the change and lose its audit entry.
import type { Database, Queryable } from '../kernel/db/database.ts';
import { auditMac, type AuditContent } from './audit-mac.ts';

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
  const append = async (tx: Queryable, entry: AuditEntry): Promise<number> => {
    // Locking the head row serialises appends, which is what makes the chain a chain.
    const head = await tx.query<{ last_seq: number; last_mac: string }>('SELECT last_seq, last_mac FROM audit_head WHERE id = 1 FOR UPDATE');
    const last = head.rows[0];
    if (!last) throw new Error('audit_head row is missing');
    const content: AuditContent = {
      seq: Number(last.last_seq) + 1,
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
    const mac = auditMac(auditKey, content, last.last_mac);
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_account_id, actor_org_id, action, record_type, record_id, org_id, fields, ip, details, prev_mac, mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        content.seq,
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
        last.last_mac,
        mac,
      ],
    );
    await tx.query('UPDATE audit_head SET last_seq = $1, last_mac = $2 WHERE id = 1', [content.seq, mac]);
    return content.seq;
  };
  return { append, record: (entry) => db.transaction((tx) => append(tx, entry)) };
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry that does not verify (edited, inserted, reordered) or the gap where entries were removed. */
  firstBadSeq?: number;
  reason?: 'mac_mismatch' | 'broken_link' | 'missing_entries' | 'head_mismatch';
}

interface AuditRow {
  seq: number;
  at: Date;
  actor_account_id: string | null;
  actor_org_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  org_id: string | null;
  fields: string[];
  ip: string | null;
  details: Record<string, unknown>;
  prev_mac: string;
  mac: string;
}

const BATCH = 2000;

export async function verifyAuditChain(db: Queryable, auditKey: Buffer): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevMac = 'genesis';
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      `SELECT seq, at, actor_account_id::text AS actor_account_id, actor_org_id::text AS actor_org_id, action, record_type,
              record_id, org_id::text AS org_id, fields, ip, details, prev_mac, mac
         FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT ${BATCH}`,
      [expectedSeq],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: 'missing_entries' };
      if (row.prev_mac !== prevMac) return { ok: false, checked, firstBadSeq: seq, reason: 'broken_link' };
      const content: AuditContent = {
        seq,
        at: new Date(row.at).toISOString(),
        actorAccountId: row.actor_account_id,
        actorOrgId: row.actor_org_id,
        action: row.action,
        recordType: row.record_type,
        recordId: row.record_id,
        orgId: row.org_id,
        fields: row.fields,
        ip: row.ip,
        details: row.details,
      };
      if (auditMac(auditKey, content, row.prev_mac) !== row.mac) return { ok: false, checked, firstBadSeq: seq, reason: 'mac_mismatch' };
      prevMac = row.mac;
      expectedSeq++;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.query<{ last_seq: number; last_mac: string }>('SELECT last_seq, last_mac FROM audit_head WHERE id = 1');
  const h = head.rows[0];
  if (!h || Number(h.last_seq) !== expectedSeq - 1 || h.last_mac !== prevMac) {
    return { ok: false, checked, firstBadSeq: expectedSeq, reason: h && Number(h.last_seq) > expectedSeq - 1 ? 'missing_entries' : 'head_mismatch' };
  }
  return { ok: true, checked };
}
