// SQL of the audit-log read API (decision 0128): an organisation's entries (about its records, or
// by its accounts), newest first, filtered; every value is a bound parameter.
import type { Queryable } from '../kernel/db/database.ts';

export interface AuditFilter {
  orgId: string;
  recordType?: string | undefined;
  recordId?: string | undefined;
  personId?: string | undefined;
  accountId?: string | undefined;
  action?: string | undefined;
  /** Inclusive days, UTC. */
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
}

export interface AuditReadRow {
  seq: string | number;
  at: Date | string;
  actor_account_id: string | null;
  actor_name: string | null;
  actor_org_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  org_id: string | null;
  fields: string[];
  ip: string | null;
  details: Record<string, unknown> | string;
}

export async function readAuditEntries(db: Queryable, f: AuditFilter, limit: number): Promise<AuditReadRow[]> {
  const params: unknown[] = [f.orgId];
  const where = ['(l.org_id = $1 OR l.actor_org_id = $1)'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.recordType) add((n) => `l.record_type = ${n}`, f.recordType);
  if (f.recordId) add((n) => `l.record_id = ${n}`, f.recordId);
  if (f.personId)
    add((n) => `((l.record_type = 'person' AND l.record_id = ${n}) OR l.details->>'personId' = ${n})`, f.personId);
  if (f.accountId) add((n) => `l.actor_account_id = ${n}::uuid`, f.accountId);
  // 'person.' is the family: 'person' itself and every 'person.…' action.
  if (f.action?.endsWith('.')) add((n) => `(starts_with(l.action, ${n}) OR l.action || '.' = ${n})`, f.action);
  else if (f.action) add((n) => `l.action = ${n}`, f.action);
  if (f.from) add((n) => `l.at >= (${n}::date::timestamp AT TIME ZONE 'UTC')`, f.from);
  if (f.to) add((n) => `l.at < ((${n}::date + 1)::timestamp AT TIME ZONE 'UTC')`, f.to);
  if (f.beforeSeq !== undefined) add((n) => `l.seq < ${n}`, f.beforeSeq);
  params.push(limit);
  const { rows } = await db.query<AuditReadRow>(
    `SELECT l.seq, l.at, l.actor_account_id::text AS actor_account_id, a.display_name AS actor_name,
            l.actor_org_id::text AS actor_org_id, l.action, l.record_type, l.record_id, l.org_id::text AS org_id,
            l.fields, l.ip, l.details
       FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
      WHERE ${where.join(' AND ')}
      ORDER BY l.seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
