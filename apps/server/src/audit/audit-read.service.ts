// Reading the audit log (decision 0128): an organisation's administrators see the entries about
// their organisation's records (including partners reading them) and the entries of their
// organisation's accounts, never another organisation's own business. Every read and export is
// itself an audit entry naming the filters used.
import {
  AUDIT_EXPORT_MAX_ROWS,
  can,
  csvField,
  type Actor,
  type AuditLogEntry,
  type AuditLogQuery,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from './audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import type { ReadRouting } from '../kernel/db/read-routing.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import { readAuditEntries, type AuditFilter, type AuditReadRow } from './audit-read.queries.ts';

interface Deps {
  db: Database;
  audit: AuditWriter;
  /** A search of the log may read from a streaming replica (kernel/db/read-routing.ts). */
  reads?: ReadRouting;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

function toEntry(r: AuditReadRow): AuditLogEntry {
  return {
    seq: Number(r.seq),
    at: iso(r.at),
    actorAccountId: r.actor_account_id,
    actorName: r.actor_name,
    actorOrgId: r.actor_org_id,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    orgId: r.org_id,
    fields: r.fields,
    ip: r.ip,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  };
}

type Filters = Omit<AuditLogQuery, 'limit' | 'cursor'>;

/** The filters as audit details (ids and days only; never free text beyond the action name). */
function filterDetails(f: Filters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}

export function createAuditReadService({ db, audit, reads }: Deps) {
  const source = (actor: Actor) => reads?.forReading(actor.accountId) ?? db;
  function authorise(actor: Actor, action: 'read' | 'export'): string {
    const orgId = actor.orgId;
    if (!orgId || !can(actor, action, { type: 'audit_log', orgId })) throw new AppError('policy.denied');
    return orgId;
  }

  function filterOf(orgId: string, q: Filters): AuditFilter {
    if (q.from && q.to && q.to < q.from)
      throw new AppError('validation.invalid_value', { field: 'to', params: { field: 'to' } });
    return { orgId, ...q };
  }

  async function page(actor: Actor, query: AuditLogQuery, ip: string | null) {
    const orgId = authorise(actor, 'read');
    const { limit, cursor, ...filters } = query;
    const before = cursor
      ? decodeCursor<{ seq: number }>(cursor, (c) => Number.isSafeInteger(c.seq) && (c.seq as number) > 0).seq
      : undefined;
    const rows = await readAuditEntries(source(actor), { ...filterOf(orgId, filters), beforeSeq: before }, limit + 1);
    const items = rows.slice(0, limit).map(toEntry);
    const last = items[items.length - 1];
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'audit_log.read',
      recordType: 'audit_log',
      orgId,
      ip,
      details: { ...filterDetails(filters), returned: items.length, ...(cursor ? { paged: true } : {}) },
    });
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ seq: last.seq }) : null };
  }

  async function exportCsv(actor: Actor, filters: Filters, ip: string | null): Promise<string> {
    const orgId = authorise(actor, 'export');
    const rows = (await readAuditEntries(source(actor), filterOf(orgId, filters), AUDIT_EXPORT_MAX_ROWS)).map(toEntry);
    const header = [
      'seq',
      'at',
      'actor_account_id',
      'actor_name',
      'actor_org_id',
      'action',
      'record_type',
      'record_id',
      'org_id',
      'fields',
      'ip',
      'details',
    ];
    const lines = [header.join(',')];
    for (const e of rows)
      lines.push(
        [
          e.seq,
          e.at,
          e.actorAccountId ?? '',
          e.actorName ?? '',
          e.actorOrgId ?? '',
          e.action,
          e.recordType,
          e.recordId ?? '',
          e.orgId ?? '',
          e.fields.join(' '),
          e.ip ?? '',
          JSON.stringify(e.details),
        ]
          .map(csvField)
          .join(','),
      );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'audit_log.export',
      recordType: 'audit_log',
      orgId,
      ip,
      details: { ...filterDetails(filters), rows: rows.length, capped: rows.length === AUDIT_EXPORT_MAX_ROWS },
    });
    return `${lines.join('\r\n')}\r\n`;
  }

  return { page, exportCsv };
}
