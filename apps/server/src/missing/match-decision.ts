// A reviewer's decision on a proposed pair, with four-eyes confirmation where the organisation
// requires it (its setting; by default for unidentified remains). The first confirmation only
// proposes; a different account confirms; the proposer may withdraw before that. Every step is
// audited. The final confirmation notifies the report's case owner (never the family) and the
// organisation holding the record (holder-notice.ts).
import type { Actor, CandidateReview, MatchSettings } from '@acompana/core';
import { can } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { encryptNote } from './missing-crypto.ts';
import type { MissingService } from './missing.service.ts';
import * as q from './missing.queries.ts';
import * as cq from './confirmation.queries.ts';
import { prepareHolderNotice, sendHolderNotice } from './holder-notice.ts';

export interface DecisionDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  missing: MissingService;
}

export function createMatchDecisions(deps: DecisionDeps) {
  const { db, keyring, audit, clock, missing } = deps;

  async function loadPair(actor: Actor, pairId: string) {
    const pair = await q.findCandidate(db, pairId);
    if (!pair) throw new AppError('record.not_found');
    const report = await missing.loadReport(actor, 'update', pair.report_id);
    const target = await cq.candidateTarget(db, pairId);
    if (!target) throw new AppError('record.not_found');
    return { pair, report, target };
  }

  async function decide(actor: Actor, pairId: string, input: CandidateReview, ip: string | null): Promise<void> {
    const { pair, report, target } = await loadPair(actor, pairId);
    const setting = await cq.secondConfirmationSetting(db, report.org_id);
    const fourEyes = cq.needsSecondPerson(setting, target.remains);
    let to: string = input.decision;
    // A proposal (four-eyes, or the forensic workflow's, decision 0147) is confirmed by another account.
    if (
      input.decision === 'confirmed' &&
      pair.review_status === 'proposed' &&
      pair.confirmation_proposed_by === actor.accountId
    )
      throw new AppError('missing.second_person_required');
    if (input.decision === 'confirmed' && fourEyes) {
      if (pair.review_status === 'proposed') {
        if (pair.confirmation_proposed_by === actor.accountId) throw new AppError('missing.second_person_required');
      } else to = 'proposed';
    }
    const final = to === 'confirmed' && pair.review_status !== 'confirmed';
    const note = input.note ? await encryptNote(keyring, report.org_id, input.note) : null;
    const holder = final ? await prepareHolderNotice({ db, keyring }, report, pair, target.candidateId) : null;
    const at = clock();
    await db.transaction(async (tx) => {
      const moved = await cq.moveReview(tx, {
        id: pairId,
        from: pair.review_status,
        to,
        by: actor.accountId,
        at,
        note,
        proposal: to === 'proposed' ? 'set' : to === 'pending' ? 'clear' : 'keep',
      });
      if (!moved) throw new AppError('missing.review_changed');
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action:
          to === 'proposed' ? 'missing_report.candidate_confirmation_proposed' : 'missing_report.candidate_review',
        recordType: 'missing_report',
        recordId: report.id,
        orgId: report.org_id,
        fields: ['review_status', ...(note ? ['note'] : [])],
        ip,
        details: {
          candidateId: pairId,
          decision: to,
          previous: pair.review_status,
          candidateKind: pair.candidate_kind,
          candidateOrgId: pair.candidate_org_id,
          secondConfirmation: setting,
          ...(pair.confirmation_proposed_by ? { proposedBy: pair.confirmation_proposed_by } : {}),
        },
      });
      if (!final) return;
      if (report.owner_account_id)
        await q.insertNotification(tx, {
          accountId: report.owner_account_id,
          orgId: report.org_id,
          kind: 'missing.match_confirmed',
          recordType: 'missing_report',
          recordId: report.id,
          refId: pairId,
          at,
        });
      if (holder) await sendHolderNotice(tx, audit, actor, report, pair, holder, at, ip);
    });
  }

  /** Undo of a proposal, by the account that made it, while no second person has confirmed. */
  async function withdraw(actor: Actor, pairId: string, ip: string | null): Promise<void> {
    const { pair, report } = await loadPair(actor, pairId);
    if (pair.review_status !== 'proposed' || pair.confirmation_proposed_by !== actor.accountId)
      throw new AppError('missing.proposal_not_yours');
    const at = clock();
    await db.transaction(async (tx) => {
      const moved = await cq.moveReview(tx, {
        id: pairId,
        from: 'proposed',
        to: 'pending',
        by: actor.accountId,
        at,
        note: null,
        proposal: 'clear',
      });
      if (!moved) throw new AppError('missing.review_changed');
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'missing_report.candidate_confirmation_withdrawn',
        recordType: 'missing_report',
        recordId: report.id,
        orgId: report.org_id,
        fields: ['review_status'],
        ip,
        details: { candidateId: pairId, previous: 'proposed', decision: 'pending' },
      });
    });
  }

  async function settings(actor: Actor): Promise<MatchSettings> {
    if (!actor.orgId || !can(actor, 'read', { type: 'missing_report', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    return { secondConfirmation: await cq.secondConfirmationSetting(db, actor.orgId) };
  }

  async function updateSettings(actor: Actor, input: MatchSettings, ip: string | null): Promise<MatchSettings> {
    const orgId = actor.orgId;
    if (!orgId || !can(actor, 'update', { type: 'org_settings', orgId })) throw new AppError('policy.denied');
    const previous = await cq.secondConfirmationSetting(db, orgId);
    await db.transaction(async (tx) => {
      await cq.setSecondConfirmation(tx, orgId, input.secondConfirmation);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'org_settings.match_second_confirmation',
        recordType: 'organisation',
        recordId: orgId,
        orgId,
        fields: ['match_second_confirmation'],
        ip,
        details: { previous, setting: input.secondConfirmation },
      });
    });
    return { secondConfirmation: input.secondConfirmation };
  }

  return { decide, withdraw, settings, updateSettings };
}
