// The review queue of a report: both records side by side with the engine's explanation, and the
// reviewer's decision. Every read and decision is audited. A confirmed match notifies the
// report's case owner — an account in the organisation — and never anyone in the family: the
// relatives' contact channels are not used here at all.
import { listScope, type Actor } from '@acompana/core';
import type {
  CandidateReview,
  MatchCandidate,
  MatchExplanation,
  ReviewQueueItem,
  ReviewQueueQuery,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decryptFields, decryptNote, reportSpec } from './missing-crypto.ts';
import * as cq from './confirmation.queries.ts';
import { createMatchDecisions } from './match-decision.ts';
import { organisationNames } from './partner-records.queries.ts';
import { iso, reportView } from './missing-mapping.ts';
import type { MatchingService } from './matching.service.ts';
import type { MissingService, RequestMeta } from './missing.service.ts';
import * as q from './missing.queries.ts';
import { listFoundPhotos, listPhotos } from './photo-service.ts';
import { listQueue } from './review-queue-queries.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';

export interface ReviewDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  matching: MatchingService;
  missing: MissingService;
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export function createReviewService(deps: ReviewDeps) {
  const { db, keyring, audit, matching, missing } = deps;
  const decisions = createMatchDecisions(deps);

  /** The side-by-side views of candidates of one report, with a fixed number of statements whatever their count. */
  async function toCandidates(
    actor: Actor,
    rows: readonly q.CandidateRow[],
    report: MatchCandidate['report'],
  ): Promise<MatchCandidate[]> {
    if (rows.length === 0) return [];
    const reportId = rows[0]?.report_id as string;
    // Photos beside each record: the report's, and the candidate's when it is the organisation's
    // own found record (a partner's records and people's photos are not shared).
    const ownFound = rows.filter((c) => c.candidate_kind === 'found_record' && c.candidate_org_id === c.org_id);
    const [views, reportPhotos, foundPhotos, setting, remains, orgNames] = await Promise.all([
      matching.candidateViews(actor, rows),
      listPhotos(db, { kind: 'report', id: reportId }),
      listFoundPhotos(
        db,
        ownFound.map((c) => c.candidate_id),
      ),
      cq.secondConfirmationSetting(db, rows[0]?.org_id as string),
      cq.remainsPairs(
        db,
        rows.map((c) => c.id),
      ),
      // The candidate card names the partner organisation that holds the record.
      organisationNames(db, [
        ...new Set(rows.filter((c) => c.candidate_org_id !== c.org_id).map((c) => c.candidate_org_id)),
      ]),
    ]);
    const withHolder = (c: q.CandidateRow): MatchCandidate['candidate'] => {
      const view = views.get(c.id) ?? null;
      const name = orgNames.get(c.candidate_org_id);
      return view && name && !view.organisationName ? { ...view, organisationName: name } : view;
    };
    return Promise.all(
      rows.map(async (c) => ({
        id: c.id,
        reportId: c.report_id,
        candidateKind: c.candidate_kind,
        candidateId: c.candidate_id,
        candidateOrgId: c.candidate_org_id,
        score: Number(c.score),
        engineDecision: c.engine_decision,
        explanation: parseJson<MatchExplanation>(c.explanation),
        reviewStatus: c.review_status,
        reviewedBy: c.reviewed_by,
        reviewedAt: c.reviewed_at ? iso(c.reviewed_at) : null,
        confirmationProposedBy: c.confirmation_proposed_by,
        confirmationProposedAt: c.confirmation_proposed_at ? iso(c.confirmation_proposed_at) : null,
        secondConfirmationRequired: cq.needsSecondPerson(setting, remains.has(c.id)),
        ...(c.note ? { note: await decryptNote(keyring, c.org_id, c.note) } : {}),
        report,
        candidate: withHolder(c),
        reportPhotos,
        candidatePhotos: ownFound.includes(c) ? (foundPhotos.get(c.candidate_id) ?? []) : [],
      })),
    );
  }

  /**
   * The organisation's review queue: candidates of every report the reader may read, by status
   * (pending by default), best score first, by cursor. Names of the reports only; the records
   * themselves are shown (and their read audited) when one candidate is opened.
   */
  async function queue(
    actor: Actor,
    query: ReviewQueueQuery,
    meta: RequestMeta = {},
  ): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
    const scope = listScope(actor, 'read', 'missing_report');
    if (!actor.orgId || !scope || scope === 'shared') throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const after = query.cursor
      ? decodeCursor<{ score: number; id: string }>(
          query.cursor,
          (v) => typeof v.score === 'number' && typeof v.id === 'string' && /^[0-9a-f-]{36}$/.test(v.id),
        )
      : null;
    const rows = await listQueue(
      db,
      { scope, orgId, accountId: actor.accountId, teamIds: actor.teamIds },
      query.status,
      after,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const items = await Promise.all(
      page.map(async (r): Promise<ReviewQueueItem> => {
        const d = await decryptFields(keyring, reportSpec, r.org_id, r, ['given_names', 'surnames']);
        return {
          id: r.id,
          reportId: r.report_id,
          ...(typeof d.givenNames === 'string' ? { reportGivenNames: d.givenNames } : {}),
          ...(typeof d.surnames === 'string' ? { reportSurnames: d.surnames } : {}),
          reportStatus: r.report_status,
          candidateKind: r.candidate_kind,
          partner: r.candidate_org_id !== r.org_id,
          score: Number(r.score),
          engineDecision: r.engine_decision,
          reviewStatus: r.review_status,
          proposedAt: iso(r.proposed_at),
        };
      }),
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'missing_report.queue_read',
      recordType: 'missing_report',
      orgId,
      fields: ['given_names', 'surnames'],
      ip: meta.ip ?? null,
      details: {
        status: query.status,
        returned: items.length,
        reports: [...new Set(items.map((i) => i.reportId))].join(','),
      },
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ score: Number(last.score), id: last.id }) : null,
    };
  }

  /** One candidate, side by side, opened from the queue (the reader must be able to read its report). */
  async function get(actor: Actor, candidateId: string, meta: RequestMeta = {}): Promise<MatchCandidate> {
    const found = await q.findCandidate(db, candidateId);
    if (!found) throw new AppError('record.not_found');
    const row = await missing.loadReport(actor, 'read', found.report_id);
    const report = reportView(row, await decryptFields(keyring, reportSpec, row.org_id, row));
    const item = (await toCandidates(actor, [found], report))[0] as MatchCandidate;
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'missing_report.candidates_read',
      recordType: 'missing_report',
      recordId: row.id,
      orgId: row.org_id,
      fields: ['given_names', 'surnames', 'aliases', 'birth_date', 'sex'],
      ip: meta.ip ?? null,
      details: { returned: 1, candidates: `${found.candidate_kind}:${found.candidate_id}` },
    });
    return item;
  }

  async function listForReport(actor: Actor, reportId: string, status: string | undefined, meta: RequestMeta = {}) {
    const row = await missing.loadReport(actor, 'read', reportId);
    const report = reportView(row, await decryptFields(keyring, reportSpec, row.org_id, row));
    const rows = await q.listCandidates(db, reportId, status);
    const items = await toCandidates(actor, rows, report);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'missing_report.candidates_read',
      recordType: 'missing_report',
      recordId: reportId,
      orgId: row.org_id,
      fields: ['given_names', 'surnames', 'aliases', 'birth_date', 'sex'],
      ip: meta.ip ?? null,
      details: {
        returned: items.length,
        candidates: items.map((i) => `${i.candidateKind}:${i.candidateId}`).join(','),
      },
    });
    return { items };
  }

  /** The fresh side-by-side view of one pair after a decision. */
  async function fresh(actor: Actor, candidateId: string): Promise<MatchCandidate> {
    const pair = await q.findCandidate(db, candidateId);
    if (!pair) throw new AppError('record.not_found');
    const row = await missing.loadReport(actor, 'read', pair.report_id);
    const report = reportView(row, await decryptFields(keyring, reportSpec, row.org_id, row));
    return (await toCandidates(actor, [pair], report))[0] as MatchCandidate;
  }

  async function review(
    actor: Actor,
    candidateId: string,
    input: CandidateReview,
    meta: RequestMeta = {},
  ): Promise<MatchCandidate> {
    await decisions.decide(actor, candidateId, input, meta.ip ?? null);
    return fresh(actor, candidateId);
  }

  async function withdraw(actor: Actor, candidateId: string, meta: RequestMeta = {}): Promise<MatchCandidate> {
    await decisions.withdraw(actor, candidateId, meta.ip ?? null);
    return fresh(actor, candidateId);
  }

  async function notifications(actor: Actor) {
    if (!actor.orgId) throw new AppError('policy.denied');
    const rows = await q.listNotifications(db, actor.accountId, actor.orgId);
    return {
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        recordType: n.record_type,
        recordId: n.record_id,
        refId: n.ref_id,
        createdAt: iso(n.created_at),
        readAt: n.read_at ? iso(n.read_at) : null,
      })),
    };
  }

  return {
    listForReport,
    review,
    withdraw,
    notifications,
    queue,
    get,
    settings: decisions.settings,
    updateSettings: decisions.updateSettings,
  };
}
