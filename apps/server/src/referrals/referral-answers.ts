// The receiver's answers and the closing of the loop: accept, decline (with a reason), redirect
// (to another organisation or service), complete (with an outcome) or close without outcome.
// Each change is one transaction with its status-history row, its audit entry and a
// notification to the sending case owner; decline reason and outcome are encrypted with the
// SENDER's key because they are written for the sender's case. Declining or redirecting erases
// the receiver's snapshot: it no longer needs the person's data.
import type { Actor } from '@acompana/core';
import { referralAnswerDays, referralOutcomeDays, type Referral } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { keyOrgOf, openReferral, sealReferral } from './referral-crypto.ts';
import * as q from './referrals.queries.ts';
import type { Meta, ReferralsDeps, ReferralsService, Side } from './referrals.service.ts';

const DAY = 86_400_000;

export function createReferralAnswers({ db, keyring, audit, clock }: ReferralsDeps, referrals: ReferralsService) {
  interface Step {
    action: 'accept' | 'decline' | 'redirect' | 'complete' | 'close';
    /** Which side may take the step. */
    sides: readonly Side[];
    from: readonly q.ReferralRow['status'][];
    /** Refused once the person withdrew consent (anything that would go on using the data). */
    needsConsent: boolean;
  }

  async function step(
    actor: Actor,
    id: string,
    s: Step,
    change: (row: q.ReferralRow, at: Date) => Promise<q.StatusChange>,
    extra?: (tx: Queryable, row: q.ReferralRow, at: Date) => Promise<void>,
    meta: Meta = {},
  ): Promise<Referral> {
    const { row, side } = await referrals.loadFor(actor, 'update', id);
    if (!s.sides.includes(side)) throw new AppError('policy.denied');
    if (!s.from.includes(row.status))
      throw new AppError('referrals.invalid_transition', { params: { status: row.status, action: s.action } });
    if (s.needsConsent && row.consent_withdrawn) throw new AppError('referrals.consent_withdrawn');
    const at = clock();
    const c = await change(row, at);
    const orgId = actor.orgId as string;
    await db.transaction(async (tx) => {
      if (!(await q.changeStatus(tx, id, s.from, c))) throw new AppError('record.conflict', { field: 'status' });
      await q.insertHistory(tx, { referralId: id, status: c.status, by: actor.accountId, byOrgId: orgId, at });
      if (extra) await extra(tx, row, at);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: `referral.${s.action}`,
        recordType: 'referral',
        recordId: id,
        orgId,
        ip: meta.ip ?? null,
        details: { side, status: c.status },
      });
      // Closing the loop: the sending case owner hears of every step the receiver takes.
      if (side === 'received' && row.owner_account_id)
        await q.notify(tx, {
          accountId: row.owner_account_id,
          orgId: row.from_org_id,
          kind: `referral.${c.status}`,
          referralId: id,
          at,
        });
    });
    return referrals.view((await q.findReferral(db, id)) as q.ReferralRow, side);
  }

  const sealForSender = (row: q.ReferralRow, column: 'decline_reason' | 'outcome', text: string) =>
    sealReferral(keyring, keyOrgOf(column, row), column, text);

  return {
    accept: (actor: Actor, id: string, meta?: Meta) =>
      step(
        actor,
        id,
        { action: 'accept', sides: ['received'], from: ['sent'], needsConsent: true },
        async (row, at) => ({
          status: 'accepted',
          at,
          answered: true,
          dueAt: new Date(at.getTime() + referralOutcomeDays[row.urgency] * DAY),
        }),
        undefined,
        meta,
      ),

    decline: (actor: Actor, id: string, reason: string, meta?: Meta) =>
      step(
        actor,
        id,
        { action: 'decline', sides: ['received'], from: ['sent'], needsConsent: false },
        async (row, at) => ({
          status: 'declined',
          at,
          answered: true,
          closed: true,
          eraseSnapshot: true,
          declineReason: await sealForSender(row, 'decline_reason', reason),
        }),
        undefined,
        meta,
      ),

    complete: (actor: Actor, id: string, outcome: string, meta?: Meta) =>
      step(
        actor,
        id,
        { action: 'complete', sides: ['received'], from: ['accepted'], needsConsent: false },
        async (row, at) => ({
          status: 'completed',
          at,
          closed: true,
          outcome: await sealForSender(row, 'outcome', outcome),
        }),
        undefined,
        meta,
      ),

    /** Either side: the person never arrived, or the sender stops waiting. */
    close: (actor: Actor, id: string, note: string | undefined, meta?: Meta) =>
      step(
        actor,
        id,
        { action: 'close', sides: ['sent', 'received'], from: ['sent', 'accepted'], needsConsent: false },
        async (row, at) => ({
          status: 'closed_no_outcome',
          at,
          closed: true,
          eraseSnapshot: true,
          ...(note ? { outcome: await sealForSender(row, 'outcome', note) } : {}),
        }),
        undefined,
        meta,
      ),

    /**
     * Sends the person on to another organisation or service in the sender's name: a new referral
     * (same person, consent, fields and urgency; the snapshot re-encrypted for the new receiver)
     * linked to this one, which ends as 'redirected'. The loop still closes with the sender.
     */
    async redirect(
      actor: Actor,
      id: string,
      target: { toOrgId?: string | undefined; toServiceId?: string | undefined },
      meta?: Meta,
    ): Promise<Referral> {
      const { row } = await referrals.loadFor(actor, 'update', id);
      const next = await referrals.resolveTarget(row.from_org_id, target);
      if (next.toOrgId === row.to_org_id) throw new AppError('referrals.same_organisation', { field: 'toOrgId' });
      // Re-encrypted for the new receiver before the transaction opens (on PGlite the keyring may need the one connection).
      const reason = (await openReferral(keyring, keyOrgOf('reason', row), 'reason', row.reason)) ?? '';
      const snapshot = (await openReferral(keyring, keyOrgOf('snapshot', row), 'snapshot', row.snapshot)) ?? '{}';
      const sealed = {
        reason: await sealReferral(keyring, next.toOrgId, 'reason', reason),
        snapshot: await sealReferral(keyring, next.toOrgId, 'snapshot', snapshot),
      };
      return step(
        actor,
        id,
        { action: 'redirect', sides: ['received'], from: ['sent', 'accepted'], needsConsent: true },
        async (_row, at) => ({ status: 'redirected', at, answered: true, closed: true, eraseSnapshot: true }),
        async (tx, current, at) => {
          const created = await q.insertReferral(tx, {
            fromOrgId: current.from_org_id,
            ...next,
            personId: current.person_id,
            consentId: current.consent_id,
            ownerAccountId: current.owner_account_id,
            teamId: current.team_id,
            createdBy: actor.accountId,
            redirectedFromId: current.id,
            urgency: current.urgency,
            sharedFields: current.shared_fields,
            ...sealed,
            dueAt: new Date(at.getTime() + referralAnswerDays[current.urgency] * DAY),
            at,
          });
          await q.insertHistory(tx, {
            referralId: created,
            status: 'sent',
            by: actor.accountId,
            byOrgId: actor.orgId as string,
            at,
          });
          await q.notifyReceiver(tx, { id: created, toOrgId: next.toOrgId });
        },
        meta,
      );
    },
  };
}
