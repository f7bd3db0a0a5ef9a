// Verifying the audit log: every sealed entry's MAC and its link to the previous sealed entry,
// every entry's own MAC (row_mac, written with it), and the head that records the last sealed
// entry. Sequence numbers may have gaps (numbers taken by transactions that rolled back); a
// removed entry shows as a broken link (or, at the end, as a head that points past the last).
import type { Database, Queryable } from '../kernel/db/database.ts';
import { sealAuditLog } from './audit-seal.ts';
import { auditMac, auditRowMac } from './audit-mac.ts';
import { AUDIT_ROW_COLUMNS, AUDIT_ROW_FROM, auditContentOf, type AuditRow } from './audit-row.ts';

export interface AuditVerification {
  ok: boolean;
  /** Entries checked: sealed ones and those still waiting to be sealed. */
  checked: number;
  /** The first entry that does not verify (edited, inserted, reordered) or the gap where entries were removed. */
  firstBadSeq?: number;
  reason?: 'mac_mismatch' | 'broken_link' | 'missing_entries' | 'head_mismatch';
}

const BATCH = 2000;
type Failure = Required<Omit<AuditVerification, 'checked' | 'ok'>>;

/** Checks one entry against the previous sealed entry; null when it verifies. */
function checkEntry(
  auditKey: Buffer,
  row: AuditRow,
  previous: { seq: number; mac: string; unsealedSeen: boolean },
): Failure | null {
  const seq = Number(row.seq);
  const content = auditContentOf(row);
  if (row.row_mac !== null && auditRowMac(auditKey, content) !== row.row_mac)
    return { firstBadSeq: seq, reason: 'mac_mismatch' };
  if (row.mac === null) return row.row_mac === null ? { firstBadSeq: seq, reason: 'mac_mismatch' } : null;
  // Sealed entries form a prefix: a sealed entry after an unsealed one was not put there by the sealer.
  if (previous.unsealedSeen) return { firstBadSeq: seq, reason: 'broken_link' };
  if (row.prev_mac !== previous.mac)
    return {
      firstBadSeq: seq > previous.seq + 1 ? previous.seq + 1 : seq,
      reason: seq > previous.seq + 1 ? 'missing_entries' : 'broken_link',
    };
  if (auditMac(auditKey, content, row.prev_mac) !== row.mac) return { firstBadSeq: seq, reason: 'mac_mismatch' };
  return null;
}

export async function verifyAuditChain(db: Queryable, auditKey: Buffer): Promise<AuditVerification> {
  const previous = { seq: 0, mac: 'genesis', unsealedSeen: false };
  let checked = 0;
  let after = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      `SELECT ${AUDIT_ROW_COLUMNS} FROM ${AUDIT_ROW_FROM} WHERE l.seq > $1 ORDER BY l.seq LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      const failure = checkEntry(auditKey, row, previous);
      if (failure) return { ok: false, checked, ...failure };
      after = Number(row.seq);
      if (row.mac === null) previous.unsealedSeen = true;
      else Object.assign(previous, { seq: after, mac: row.mac });
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.query<{ last_seq: number; last_mac: string }>(
    'SELECT last_seq, last_mac FROM audit_head WHERE id = 1',
  );
  const h = head.rows[0];
  if (!h || Number(h.last_seq) !== previous.seq || h.last_mac !== previous.mac) {
    return {
      ok: false,
      checked,
      firstBadSeq: previous.seq + 1,
      reason: h && Number(h.last_seq) > previous.seq ? 'missing_entries' : 'head_mismatch',
    };
  }
  return { ok: true, checked };
}

/** What an auditor asks for: chain everything appended so far, then check it all. */
export async function sealAndVerifyAuditChain(db: Database, auditKey: Buffer): Promise<AuditVerification> {
  await sealAuditLog(db, auditKey);
  return verifyAuditChain(db, auditKey);
}
