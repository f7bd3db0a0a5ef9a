// The plan of a reception as the worker sees it: the referrals sent through Acompaña (read through
// the referrals module, so its access and consent rules apply) and the external ones recorded by
// the organisation, each with its status, the reason a service gave for declining and the outcome.
import type { Actor, Reception } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { ReferralsService } from '../referrals/referrals.service.ts';
import type { ExternalReferrals } from '../referrals/external-referrals.service.ts';
import * as q from './reintegration.queries.ts';

export function createPlanView(db: Queryable, referrals: ReferralsService, external: ExternalReferrals) {
  return async function planOf(actor: Actor, receptionId: string): Promise<Reception['plan']> {
    const plan: Reception['plan'] = [];
    for (const link of await q.planLinks(db, receptionId)) {
      try {
        const ref = await referrals.loadFor(actor, 'read', link.referral_id);
        const r = await referrals.view(ref.row, ref.side);
        plan.push({
          area: link.area,
          referralId: r.id,
          kind: 'platform',
          channel: null,
          status: r.status,
          toOrgName: r.toOrg.name,
          toServiceName: r.toService?.name ?? null,
          overdue: r.overdue,
          dueAt: r.dueAt,
          declineReason: r.declineReason,
          outcome: r.outcome,
          version: r.version,
        });
      } catch (error) {
        // A referral the actor may not read (another team's) is left out of their view of the plan;
        // any other failure (the database, a decryption) is a fault and must not pass for "no access".
        if (!(error instanceof AppError && (error.code === 'policy.denied' || error.code === 'record.not_found')))
          throw error;
      }
    }
    for (const e of await external.ofReception(actor, receptionId))
      plan.push({
        area: e.area ?? '',
        referralId: e.id,
        kind: 'external',
        channel: e.channel,
        status: e.status,
        toOrgName: e.service.organisation,
        toServiceName: e.service.name,
        overdue: false,
        dueAt: null,
        declineReason: e.declineReason,
        outcome: e.outcome,
        version: e.version,
      });
    return plan;
  };
}
