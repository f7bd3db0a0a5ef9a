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

export const AUDIT_ROW_COLUMNS = `seq, at, actor_account_id::text AS actor_account_id, actor_org_id::text AS actor_org_id, action, record_type,
  record_id, org_id::text AS org_id, fields, ip, details, prev_mac, mac, row_mac`;

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
