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
import { decryptFields, decryptNote, encryptNote, reportSpec } from './missing-crypto.ts';
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
  const { db, keyring, audit, clock, matching, missing } = deps;

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
    const [views, reportPhotos, foundPhotos] = await Promise.all([
      matching.candidateViews(actor, rows),
      listPhotos(db, { kind: 'report', id: reportId }),
      listFoundPhotos(
        db,
        ownFound.map((c) => c.candidate_id),
      ),
    ]);
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
        ...(c.note ? { note: await decryptNote(keyring, c.org_id, c.note) } : {}),
        report,
        candidate: views.get(c.id) ?? null,
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

  async function review(
    actor: Actor,
    candidateId: string,
    input: CandidateReview,
    meta: RequestMeta = {},
  ): Promise<MatchCandidate> {
    const found = await q.findCandidate(db, candidateId);
    if (!found) throw new AppError('record.not_found');
    const row = await missing.loadReport(actor, 'update', found.report_id);
    const note = input.note ? await encryptNote(keyring, row.org_id, input.note) : null;
    const at = clock();
    await db.transaction(async (tx) => {
      await q.reviewCandidate(tx, candidateId, input.decision, actor.accountId, at, note);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'missing_report.candidate_review',
        recordType: 'missing_report',
        recordId: row.id,
        orgId: row.org_id,
        fields: ['review_status', ...(note ? ['note'] : [])],
        ip: meta.ip ?? null,
        details: {
          candidateId,
          decision: input.decision,
          previous: found.review_status,
          candidateKind: found.candidate_kind,
          candidateOrgId: found.candidate_org_id,
        },
      });
      if (input.decision === 'confirmed' && found.review_status !== 'confirmed' && row.owner_account_id) {
        await q.insertNotification(tx, {
          accountId: row.owner_account_id,
          orgId: row.org_id,
          kind: 'missing.match_confirmed',
          recordType: 'missing_report',
          recordId: row.id,
          refId: candidateId,
          at,
        });
      }
    });
    const fresh = await q.findCandidate(db, candidateId);
    if (!fresh) throw new AppError('record.not_found');
    const report = reportView(row, await decryptFields(keyring, reportSpec, row.org_id, row));
    return (await toCandidates(actor, [fresh], report))[0] as MatchCandidate;
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

  return { listForReport, review, notifications, queue, get };
}
