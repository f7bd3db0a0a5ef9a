// Tracing across organisations without moving case files (issue 6, item 6; decision 0121). With
// the family's consent recorded on the report, an organisation sends a partner the minimal search
// fields; the engine scores the partner's records at once and the requester sees only opaque
// references with a score band. The partner reviews its own records in its inbox and either
// accepts, choosing which references and which fields to disclose (copied, encrypted with the
// requester's key), or declines, which erases the search fields and every reference. Both sides
// are audited; the report's case owner is notified of the answer. Nothing goes to a family.
import { randomUUID } from 'node:crypto';
import {
  can,
  type Actor,
  type TraceConsent,
  type TracingAccept,
  type TracingListQuery,
  type TracingQuery,
  type TracingRequest,
  type TracingRequestCreate,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import { decryptFields, foundSpec } from './missing-crypto.ts';
import { iso } from './missing-mapping.ts';
import type { MatchingService } from './matching.service.ts';
import type { MissingService, RequestMeta } from './missing.service.ts';
import { openJson, openText, sealJson, sealText } from './tracing-crypto.ts';
import * as q from './missing.queries.ts';
import * as tq from './tracing.queries.ts';
import { tracingQueryOf } from './tracing-query.ts';
import { TRACING_OPENERS } from './holder-notice.ts';
import { notifyRoles } from '../notifications/notify.ts';

export interface TracingDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  matching: MatchingService;
  missing: MissingService;
}

/** References kept per request: enough for a reviewer, few enough to say little. */
const MAX_REFERENCES = 10;

export function createTracingService(deps: TracingDeps) {
  const { db, keyring, audit, clock, matching, missing } = deps;
  const orgOf = (actor: Actor) => {
    if (!actor.orgId) throw new AppError('policy.denied');
    return actor.orgId;
  };

  async function recordConsent(actor: Actor, reportId: string, input: TraceConsent | null, meta: RequestMeta = {}) {
    const row = await missing.loadReport(actor, 'update', reportId);
    const sealed = input ? await sealJson(keyring, row.org_id, 'missing_reports.trace_consent', input) : null;
    const at = clock();
    const open = input ? [] : await tq.openRequestIdsForReport(db, reportId);
    await db.transaction(async (tx) => {
      await tq.setTraceConsent(tx, reportId, sealed, at);
      // Withdrawal takes effect at once: requests still waiting are withdrawn and their search fields erased.
      for (const id of open) {
        await tq.closeRequest(tx, id, 'withdrawn', actor.accountId, at, null);
        await tq.deleteCandidatesExcept(tx, id, []);
      }
      const action = input ? 'missing_report.trace_consent_record' : 'missing_report.trace_consent_withdraw';
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action,
        recordType: 'missing_report',
        recordId: reportId,
        orgId: row.org_id,
        fields: ['trace_consent'],
        ip: meta.ip ?? null,
        details: { withdrawnRequests: open.length },
      });
    });
    return missing.getReport(actor, reportId, meta);
  }

  async function partners(actor: Actor) {
    const orgId = orgOf(actor);
    if (!can(actor, 'read', { type: 'missing_report', orgId })) throw new AppError('policy.denied');
    return { items: await tq.tracingPartners(db, orgId) };
  }

  const queryOf = (row: q.ReportRow) => tracingQueryOf(keyring, row);

  async function create(actor: Actor, input: TracingRequestCreate, meta: RequestMeta = {}) {
    const orgId = orgOf(actor);
    const row = await missing.loadReport(actor, 'update', input.reportId);
    const consent = await db.query<{ ok: boolean }>(
      'SELECT (trace_consent_at IS NOT NULL AND trace_consent_withdrawn_at IS NULL) AS ok FROM missing_reports WHERE id = $1',
      [row.id],
    );
    if (!consent.rows[0]?.ok) throw new AppError('missing.trace_consent_required', { field: 'traceConsent' });
    if (!(await tq.tracingPartners(db, orgId)).some((p) => p.id === input.toOrgId))
      throw new AppError('missing.not_a_tracing_partner', { field: 'toOrgId' });
    const query = await queryOf(row);
    const birthYear = query.birthDate ? Number(query.birthDate.slice(0, 4)) : (row.birth_year ?? undefined);
    const found = await matching.scoreInOrganisation(
      { kind: 'report', id: row.id, orgId, access: 'own', ...query, ...(birthYear ? { birthYear } : {}) },
      input.toOrgId,
      MAX_REFERENCES,
    );
    const sealed = await sealJson(keyring, input.toOrgId, 'tracing_requests.query', query);
    const id = randomUUID();
    const at = clock();
    const inserted = await db.transaction(async (tx) => {
      if (
        !(await tq.insertRequest(tx, {
          id,
          fromOrgId: orgId,
          reportId: row.id,
          toOrgId: input.toOrgId,
          by: actor.accountId,
          at,
          query: sealed,
          found: found.length,
        }))
      )
        return false;
      for (const c of found)
        await tq.insertCandidate(tx, {
          requestId: id,
          partnerOrgId: input.toOrgId,
          requesterOrgId: orgId,
          kind: c.kind,
          candidateId: c.id,
          score: c.score,
          band: c.decision === 'match' ? 'strong' : 'possible',
        });
      const details = { requestId: id, toOrgId: input.toOrgId, fromOrgId: orgId, references: found.length };
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'tracing_request.send',
        recordType: 'missing_report',
        recordId: row.id,
        orgId,
        fields: Object.keys(query),
        ip: meta.ip ?? null,
        details,
      });
      // Those who may open it at the partner hear of it: the bell gives the request's reference
      // and who asks, never the name searched for.
      await notifyRoles(tx, {
        orgId: input.toOrgId,
        roles: TRACING_OPENERS,
        kind: 'missing.tracing_received',
        recordType: 'tracing_request',
        recordId: id,
      });
      // The partner's own trail: its records were searched for another organisation.
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'tracing_request.receive',
        recordType: 'missing_report',
        recordId: id,
        orgId: input.toOrgId,
        fields: ['given_names', 'surnames', 'aliases', 'birth_date'],
        ip: meta.ip ?? null,
        details,
      });
      return true;
    });
    if (!inserted) throw new AppError('missing.tracing_closed');
    return get(actor, id, meta);
  }

  /** A partner's own record as a flat object of every field it could choose to share. */
  async function partnerRecord(kind: 'person' | 'found_record', id: string): Promise<Record<string, unknown> | null> {
    if (kind === 'person') {
      const row = await q.findPersonLite(db, id, false);
      if (!row) return null;
      const d = await matching.decryptPerson(row);
      return {
        givenNames: d.givenNames,
        surnames: d.surnames,
        aliases: d.aliases,
        sex: row.sex ?? undefined,
        birthDate: d.birthDate ?? (row.birth_year ? String(row.birth_year) : undefined),
        nationality: row.nationality ?? undefined,
        recordDate: iso(row.created_at).slice(0, 10),
      };
    }
    const row = await q.findFound(db, id);
    if (!row) return null;
    const d = await decryptFields(keyring, foundSpec, row.org_id, row);
    const custodian = d.custodian as { agency?: string; fileNumber?: string } | undefined;
    return {
      givenNames: d.givenNames,
      surnames: d.surnames,
      aliases: d.aliases,
      sex: row.sex ?? undefined,
      birthDate: undefined,
      recordDate: row.found_on ? String(row.found_on).slice(0, 10) : undefined,
      place: d.foundPlace,
      custodian: custodian ? [custodian.agency, custodian.fileNumber].filter(Boolean).join(' · ') : undefined,
      status: `${row.kind}:${row.status}`,
    };
  }

  const compact = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(o).filter(
        ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
      ),
    );

  /** Which side the actor is on, decided by the policy (another organisation: not found). */
  async function load(actor: Actor, id: string, action: 'read' | 'update') {
    const orgId = orgOf(actor);
    const row = await tq.findRequest(db, id);
    if (!row) throw new AppError('record.not_found');
    if (row.to_org_id === orgId && can(actor, action, { type: 'missing_report', orgId }))
      return { row, side: 'incoming' as const };
    if (row.from_org_id === orgId && action === 'read') {
      await missing.loadReport(actor, 'read', row.report_id);
      return { row, side: 'outgoing' as const };
    }
    throw new AppError('record.not_found');
  }

  function summary(row: tq.TracingRow, direction: 'outgoing' | 'incoming') {
    return {
      id: row.id,
      direction,
      reportId: direction === 'outgoing' ? row.report_id : null,
      fromOrg: { id: row.from_org_id, name: row.from_org_name },
      toOrg: { id: row.to_org_id, name: row.to_org_name },
      status: row.status,
      createdAt: iso(row.created_at),
      decidedAt: row.decided_at ? iso(row.decided_at) : null,
      candidatesFound: Number(row.candidates_found),
    };
  }

  async function get(actor: Actor, id: string, meta: RequestMeta = {}): Promise<TracingRequest> {
    const { row, side } = await load(actor, id, 'read');
    const candidates = await tq.listCandidates(db, id);
    const base = { ...summary(row, side), query: null, reply: null, references: [], partnerCandidates: [] };
    let out: TracingRequest;
    if (side === 'outgoing') {
      const references = await Promise.all(
        candidates.map(async (c) => ({
          referenceId: c.id,
          scoreBand: c.score_band,
          sharedFields: c.shared_fields,
          details:
            (await openJson<Record<string, string>>(
              keyring,
              row.from_org_id,
              'tracing_candidates.shared_details',
              c.shared_details,
            )) ?? null,
        })),
      );
      out = {
        ...base,
        reply: await openText(keyring, row.from_org_id, 'tracing_requests.reply', row.reply),
        references,
      };
    } else {
      const partnerCandidates = await Promise.all(
        candidates.map(async (c) => {
          const record = await partnerRecord(c.candidate_kind, c.candidate_id);
          return {
            referenceId: c.id,
            scoreBand: c.score_band,
            score: Number(c.score),
            candidateKind: c.candidate_kind,
            candidateId: c.candidate_id,
            record: record ? compact(record) : null,
            sharedFields: c.shared_fields,
          };
        }),
      );
      out = {
        ...base,
        query: await openJson<TracingQuery>(keyring, row.to_org_id, 'tracing_requests.query', row.query),
        partnerCandidates,
      };
    }
    const shared = candidates.filter((c) => c.shared_details !== null).length;
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: side === 'outgoing' ? 'tracing_request.read' : 'tracing_request.inbox_read',
      recordType: 'missing_report',
      recordId: side === 'outgoing' ? row.report_id : row.id,
      orgId: actor.orgId,
      fields:
        side === 'outgoing' ? (shared ? ['shared_details'] : []) : ['query', 'given_names', 'surnames', 'birth_date'],
      ip: meta.ip ?? null,
      details: { requestId: row.id, references: candidates.length, shared },
    });
    return out;
  }

  async function list(actor: Actor, query: TracingListQuery, meta: RequestMeta = {}) {
    const { direction } = query;
    const orgId = orgOf(actor);
    if (!can(actor, 'read', { type: 'missing_report', orgId })) throw new AppError('policy.denied');
    const after = query.cursor
      ? decodeCursor<{ at: string; id: string }>(
          query.cursor,
          (v) =>
            typeof v.at === 'string' && v.at.length <= 40 && typeof v.id === 'string' && /^[0-9a-f-]{36}$/.test(v.id),
        )
      : null;
    const rows = await tq.listRequests(db, orgId, direction, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: `tracing_request.list_${direction}`,
      recordType: 'missing_report',
      orgId,
      fields: [],
      ip: meta.ip ?? null,
      details: { returned: page.length },
    });
    return {
      items: page.map((r) => summary(r, direction)),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  }

  async function forReport(actor: Actor, reportId: string) {
    await missing.loadReport(actor, 'read', reportId);
    return { items: (await tq.listRequestsForReport(db, reportId)).map((r) => summary(r, 'outgoing')) };
  }

  async function accept(actor: Actor, id: string, input: TracingAccept, meta: RequestMeta = {}) {
    const { row, side } = await load(actor, id, 'update');
    if (side !== 'incoming') throw new AppError('record.not_found');
    if (row.status !== 'sent') throw new AppError('missing.tracing_closed');
    const candidates = await tq.listCandidates(db, id);
    const sealed: { id: string; fields: string[]; blob: Buffer }[] = [];
    for (const [i, s] of input.share.entries()) {
      const c = candidates.find((x) => x.id === s.referenceId);
      const record = c ? await partnerRecord(c.candidate_kind, c.candidate_id) : null;
      if (!c || !record)
        throw new AppError('missing.unknown_reference', {
          field: `share.${i}.referenceId`,
          params: { field: `share.${i}.referenceId` },
        });
      const fields = [...new Set(s.fields)];
      const chosen = compact(Object.fromEntries(fields.map((f) => [f, record[f]])));
      sealed.push({
        id: c.id,
        fields,
        blob: await sealJson(keyring, row.from_org_id, 'tracing_candidates.shared_details', chosen),
      });
    }
    const reply = input.reply ? await sealText(keyring, row.from_org_id, 'tracing_requests.reply', input.reply) : null;
    const at = clock();
    await db.transaction(async (tx) => {
      if (!(await tq.closeRequest(tx, id, 'accepted', actor.accountId, at, reply)))
        throw new AppError('missing.tracing_closed');
      for (const s of sealed) await tq.shareCandidate(tx, s.id, s.fields, s.blob);
      await tq.deleteCandidatesExcept(
        tx,
        id,
        sealed.map((s) => s.id),
      );
      await decided(tx, actor, row, 'accepted', at, meta, {
        shared: sealed.length,
        fields: [...new Set(sealed.flatMap((s) => s.fields))].join(','),
      });
    });
    return get(actor, id, meta);
  }

  async function decline(actor: Actor, id: string, meta: RequestMeta = {}) {
    const { row, side } = await load(actor, id, 'update');
    if (side !== 'incoming') throw new AppError('record.not_found');
    const at = clock();
    await db.transaction(async (tx) => {
      if (!(await tq.closeRequest(tx, id, 'declined', actor.accountId, at, null)))
        throw new AppError('missing.tracing_closed');
      await tq.deleteCandidatesExcept(tx, id, []);
      await decided(tx, actor, row, 'declined', at, meta, { shared: 0 });
    });
    return get(actor, id, meta);
  }

  /** The answer, audited on both sides; the report's case owner is told (never the family). */
  async function decided(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    actor: Actor,
    row: tq.TracingRow,
    status: string,
    at: Date,
    meta: RequestMeta,
    details: Record<string, string | number>,
  ) {
    const common = {
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      recordType: 'missing_report',
      ip: meta.ip ?? null,
      details: { requestId: row.id, ...details },
    };
    await audit.append(tx, {
      ...common,
      action: `tracing_request.${status}`,
      recordId: row.id,
      orgId: row.to_org_id,
      fields: status === 'accepted' ? ['shared_details'] : ['query'],
    });
    await audit.append(tx, {
      ...common,
      action: `tracing_request.answer_received`,
      recordId: row.report_id,
      orgId: row.from_org_id,
      fields: [],
    });
    const owner = await tx.query<{ owner: string | null }>(
      'SELECT owner_account_id::text AS owner FROM missing_reports WHERE id = $1',
      [row.report_id],
    );
    const ownerId = owner.rows[0]?.owner;
    if (ownerId)
      await q.insertNotification(tx, {
        accountId: ownerId,
        orgId: row.from_org_id,
        kind: `missing.tracing_${status}`,
        recordType: 'missing_report',
        recordId: row.report_id,
        refId: row.id,
        at,
      });
  }

  return { recordConsent, partners, create, get, list, forReport, accept, decline };
}

export type TracingService = ReturnType<typeof createTracingService>;
