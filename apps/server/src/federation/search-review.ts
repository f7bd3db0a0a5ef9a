// The cross-border review (decision 0151): both sides list the pairs in their review, this
// side's record named for those who may read it and the partner's only as its deployment, a score
// and reasons without values; each side records its decision, which goes to the partner; when
// both said "the same person", each side's tracing message is queued (the fields go when it is
// sent). Reading the fields a partner sent is audited.
import { can, type Actor } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { enqueueJob } from '../jobs/job-queue.ts';
import { decryptFields, foundSpec, reportSpec } from '../missing/missing-crypto.ts';
import { createCandidateSearch } from '../missing/search-candidates.ts';
import * as mq from '../missing/missing.queries.ts';
import { openTextFor } from './federation-crypto.ts';
import * as pq from './peers.queries.ts';
import type { EncodedCandidate } from './search-encoding.ts';
import type { SearchDeps, SearchStore } from './search-store.ts';
import * as sq from './search.queries.ts';

export const DELIVER_JOB = 'federation.deliver';

export function createSearchReview(deps: SearchDeps, store: SearchStore) {
  const { db, keyring, audit, clock } = deps;
  const { setStatus, queueTracing } = store;

  function reviewOrg(actor: Actor, action: 'read' | 'update'): string {
    const orgId = actor.orgId;
    // Reviewing cross-border pairs is reviewing matches: whoever may read (or update) the
    // organisation's missing-person records (decision 0108).
    if (!orgId || !can(actor, action, { type: 'missing_report', orgId })) throw new AppError('policy.denied');
    return orgId;
  }

  /** This side's record of a pair, named only for those who may read it. */
  async function localLabel(actor: Actor, pair: sq.CandidateRow): Promise<string | undefined> {
    const org = pair.org_id;
    const name = (d: Record<string, unknown>) =>
      [d.givenNames, d.surnames].filter((x) => typeof x === 'string' && x).join(' ') || undefined;
    if (pair.local_kind === 'missing_report') {
      const row = await mq.findReport(db, pair.local_id);
      if (
        !row ||
        !can(actor, 'read', { type: 'missing_report', orgId: org, ownerId: row.owner_account_id, teamId: row.team_id })
      )
        return undefined;
      return name(await decryptFields(keyring, reportSpec, org, row));
    }
    if (pair.local_kind === 'found_record') {
      const row = await mq.findFound(db, pair.local_id);
      if (
        !row ||
        !can(actor, 'read', { type: 'missing_report', orgId: org, ownerId: row.owner_account_id, teamId: row.team_id })
      )
        return undefined;
      return name(await decryptFields(keyring, foundSpec, org, row));
    }
    const row = await mq.findPersonLite(db, pair.local_id, false);
    if (!row || !can(actor, 'read', { type: 'person', orgId: org, ownerId: row.owner_account_id, teamId: row.team_id }))
      return undefined;
    return name(await createCandidateSearch({ db, keyring }).decryptPerson(row, ['given_names', 'surnames']));
  }

  const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

  async function view(actor: Actor, pair: sq.CandidateRow, withReceived: boolean) {
    const label = await localLabel(actor, pair);
    let received: Record<string, unknown> | null = null;
    if (withReceived && pair.tracing_received && label !== undefined)
      received = JSON.parse(
        await openTextFor(keyring, pair.org_id, 'federation_candidates', 'tracing_received', pair.tracing_received),
      ) as Record<string, unknown>;
    return {
      id: pair.id,
      peer: { id: pair.peer_id, name: pair.peer_name },
      side: pair.side,
      local: { kind: pair.local_kind, id: pair.local_id, ...(label ? { name: label } : {}) },
      score: Number(pair.score),
      engineDecision: pair.engine_decision,
      explanation: pair.explanation as EncodedCandidate['explanation'],
      status: pair.status,
      closedReason: pair.closed_reason,
      ourDecision: pair.our_decision,
      ourDecidedAt: iso(pair.our_decided_at),
      theirDecision: pair.their_decision,
      theirDecidedAt: iso(pair.their_decided_at),
      tracing: {
        sentAt: iso(pair.tracing_sent_at),
        sentFields: pair.tracing_sent_fields ?? [],
        receivedAt: iso(pair.tracing_received_at),
        receivedFields: pair.tracing_received_fields ?? [],
        ...(received ? { received } : {}),
      },
      proposedAt: iso(pair.proposed_at) as string,
    };
  }

  async function ownPair(actor: Actor, id: string, action: 'read' | 'update') {
    const orgId = reviewOrg(actor, action);
    const pair = await sq.findCandidate(db, id);
    if (!pair || pair.org_id !== orgId) throw new AppError('record.not_found');
    return pair;
  }

  async function kickDelivery(tx: Queryable): Promise<void> {
    await enqueueJob(tx, DELIVER_JOB, {}, { now: clock(), uniqueKey: DELIVER_JOB, maxAttempts: 1 });
  }

  return {
    async list(
      actor: Actor,
      filter: { localKind?: sq.RecordKind; localId?: string; status?: sq.CandidateRow['status'] },
      limit = 100,
    ) {
      const orgId = reviewOrg(actor, 'read');
      const rows = await sq.listCandidates(db, orgId, filter, limit);
      return { items: await Promise.all(rows.map((r) => view(actor, r, false))) };
    },

    async get(actor: Actor, id: string, ip: string | null) {
      const pair = await ownPair(actor, id, 'read');
      const out = await view(actor, pair, true);
      if (out.tracing.received)
        await audit.record({
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'federation.tracing_read',
          recordType: 'federation_candidate',
          recordId: pair.id,
          orgId: pair.org_id,
          ip,
          fields: pair.tracing_received_fields ?? [],
        });
      return out;
    },

    async decide(actor: Actor, id: string, decision: 'same_person' | 'not_same', ip: string | null) {
      const pair = await ownPair(actor, id, 'update');
      if (pair.status !== 'open') throw new AppError('federation.pair_closed');
      const peer = await pq.peerById(db, pair.peer_id);
      if (!peer || peer.status !== 'active') throw new AppError('federation.pair_closed');
      const at = clock();
      await db.transaction(async (tx) => {
        await tx.query(
          'UPDATE federation_candidates SET our_decision = $2, our_decided_by = $3, our_decided_at = $4 WHERE id = $1',
          [pair.id, decision, actor.accountId, at],
        );
        const status = await setStatus(tx, pair.id);
        await sq.enqueueMessage(
          tx,
          pair.peer_id,
          'decision',
          { reportRef: pair.report_ref, recordRef: pair.record_ref, decision, decidedAt: at.toISOString() },
          at,
        );
        if (status === 'agreed') await queueTracing(tx, { id: pair.peer_id }, pair.id);
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'federation.candidate_decision',
          recordType: 'federation_candidate',
          recordId: pair.id,
          orgId: pair.org_id,
          ip,
          details: { peerId: pair.peer_id, decision, status },
        });
        await kickDelivery(tx);
      });
      return view(actor, (await sq.findCandidate(db, pair.id)) as sq.CandidateRow, true);
    },
  };
}
