// One audit entry as stored, and its content as the MACs cover it.
import type { AuditContent } from './audit-mac.ts';

export interface AuditRow {
  seq: number | string;
  at: Date | string;
  actor_account_id: string | null;
  actor_org_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  org_id: string | null;
  fields: string[];
  ip: string | null;
  details: Record<string, unknown>;
  prev_mac: string | null;
  mac: string | null;
  row_mac: string | null;
}

/** An entry with its chain link: from audit_seals, or from its own columns for entries written before sealing existed. */
export const AUDIT_ROW_FROM = `audit_log l LEFT JOIN audit_seals s ON s.seq = l.seq`;
export const AUDIT_ROW_COLUMNS = `l.seq, l.at, l.actor_account_id::text AS actor_account_id, l.actor_org_id::text AS actor_org_id, l.action, l.record_type,
  l.record_id, l.org_id::text AS org_id, l.fields, l.ip, l.details, coalesce(l.prev_mac, s.prev_mac) AS prev_mac, coalesce(l.mac, s.mac) AS mac, l.row_mac`;

export function auditContentOf(row: AuditRow): AuditContent {
  return {
    seq: Number(row.seq),
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
}
