// When a match with another organisation's record is confirmed, that organisation hears of it too
// (it holds the record; the person may be in its shelter today). With the family's consent to
// search with partners recorded on the report, the notice opens a tracing request already holding
// the confirmed record as its reference: the holder reviews it in its inbox and chooses what to
// share, as with any request (decision 0121). Without that consent no field of the report leaves
// the committee: the holder is told only that its own record was confirmed as a match.
import { randomUUID } from 'node:crypto';
import { can, roles, type Actor } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { addNotification } from '../notifications/notify.ts';
import { sealJson } from './tracing-crypto.ts';
import { tracingQueryOf } from './tracing-query.ts';
import * as cq from './confirmation.queries.ts';
import type { CandidateRow, ReportRow } from './missing.queries.ts';
import * as tq from './tracing.queries.ts';

export const HOLDER_NOTIFICATION = 'missing.match_confirmed_holder';

/** Roles that may open an incoming tracing request (the policy's missing-report read in the organisation). */
export const TRACING_OPENERS = roles.filter((role) =>
  can({ accountId: '', orgId: 'holder', role, teamIds: [], sharing: [] }, 'read', {
    type: 'missing_report',
    orgId: 'holder',
  }),
);

export interface HolderNotice {
  holderOrgId: string;
  candidateId: string;
  /** The sealed search fields, present only when the family's consent to trace is in force. */
  sealedQuery: Buffer | null;
}

/** Prepared before the transaction (decryption and sealing are slow); null for the organisation's own records. */
export async function prepareHolderNotice(
  deps: { db: Queryable; keyring: Keyring },
  report: ReportRow,
  pair: CandidateRow,
  candidateId: string,
): Promise<HolderNotice | null> {
  if (pair.candidate_org_id === report.org_id || pair.candidate_kind === 'missing_report') return null;
  const consent = await cq.traceConsentInForce(deps.db, report.id);
  const sealedQuery = consent
    ? await sealJson(
        deps.keyring,
        pair.candidate_org_id,
        'tracing_requests.query',
        await tracingQueryOf(deps.keyring, report),
      )
    : null;
  return { holderOrgId: pair.candidate_org_id, candidateId, sealedQuery };
}

/** Inside the confirmation's transaction: the request (when allowed), the notifications and both trails. */
export async function sendHolderNotice(
  tx: Queryable,
  audit: AuditWriter,
  actor: Actor,
  report: ReportRow,
  pair: CandidateRow,
  notice: HolderNotice,
  at: Date,
  ip: string | null,
): Promise<{ requestId: string | null; notified: number }> {
  let requestId: string | null = null;
  if (notice.sealedQuery) {
    const id = randomUUID();
    const inserted = await tq.insertRequest(tx, {
      id,
      fromOrgId: report.org_id,
      reportId: report.id,
      toOrgId: notice.holderOrgId,
      by: actor.accountId,
      at,
      query: notice.sealedQuery,
      found: 1,
    });
    // A request still waiting for an answer gets the confirmed record added to it instead.
    requestId = inserted ? id : ((await cq.openRequestTo(tx, report.id, notice.holderOrgId)) ?? null);
    if (requestId)
      await tq.insertCandidate(tx, {
        requestId,
        partnerOrgId: notice.holderOrgId,
        requesterOrgId: report.org_id,
        kind: pair.candidate_kind,
        candidateId: notice.candidateId,
        score: Number(pair.score),
        band: 'strong',
      });
  }
  const recipients = await cq.holderRecipients(
    tx,
    notice.holderOrgId,
    pair.candidate_kind,
    notice.candidateId,
    requestId ? TRACING_OPENERS : null,
  );
  for (const accountId of recipients)
    await addNotification(tx, {
      accountId,
      orgId: notice.holderOrgId,
      kind: HOLDER_NOTIFICATION,
      recordType: requestId ? 'tracing_request' : pair.candidate_kind,
      recordId: requestId ?? notice.candidateId,
      // The holder's own record that was confirmed: the bell names it as the recipient may see it.
      refId: requestId ? notice.candidateId : null,
      at,
    });
  const details = {
    pairId: pair.id,
    fromOrgId: report.org_id,
    toOrgId: notice.holderOrgId,
    requestId: requestId ?? '',
    notified: recipients.length,
  };
  // The holder's own trail: one of its records was confirmed as a match by another organisation.
  await audit.append(tx, {
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action: 'missing_report.match_confirmed_holder',
    recordType: pair.candidate_kind,
    recordId: notice.candidateId,
    orgId: notice.holderOrgId,
    fields: requestId ? ['given_names', 'surnames', 'aliases', 'birth_date'] : [],
    ip,
    details,
  });
  if (requestId)
    await audit.append(tx, {
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'tracing_request.send',
      recordType: 'missing_report',
      recordId: report.id,
      orgId: report.org_id,
      fields: ['given_names', 'surnames', 'aliases', 'birth_date'],
      ip,
      details: { ...details, reason: 'match_confirmed' },
    });
  return { requestId, notified: recipients.length };
}
