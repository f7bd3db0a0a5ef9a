// The MAC of one audit entry: HMAC-SHA256 under the deployment's audit key over a canonical
// encoding of the entry and the previous entry's MAC. Keyed, so that someone who can write to
// the database but does not hold the master key cannot forge a consistent chain.
import { createHmac } from 'node:crypto';

export interface AuditContent {
  seq: number;
  at: string;
  actorAccountId: string | null;
  actorOrgId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  orgId: string | null;
  fields: string[];
  ip: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditMac(key: Buffer, content: AuditContent, prevMac: string): string {
  const encoded = canonicalJson([
    'acompana/audit/v1',
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
    content.details,
    prevMac,
  ]);
  return createHmac('sha256', key).update(encoded).digest('hex');
}

/**
 * An entry's own MAC, written with it before it is chained (its sequence number is not part of
 * it: the database assigns that). Detects an edit of an entry that is not sealed yet.
 */
export function auditRowMac(key: Buffer, content: AuditContent): string {
  return auditMac(key, { ...content, seq: 0 }, 'acompana/audit/row');
}
