// Referrals sent about a person, in their export and their erasure (decision 0118). The export
// tells the person which organisation (and service) received what fields about them, why, and
// what became of it. Erasure removes the person's data at both ends: the receiver's snapshot and
// the reason (receiver's key), the decline reason and outcome (sender's key); a referral still
// open is closed without outcome (the receiver can no longer act on it). The rows stay, so that
// both organisations' referral counts stay true, and the receiver's copy reads "erased at the
// person's request" (personErased, derived from the erased person record in referrals.queries.ts).
import { openReferralStatuses } from '@acompana/core';
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
// External referrals' export and erasure register with this file (bootstrap.ts imports it).
import './external-referral-person-data.ts';
import { keyOrgOf, openReferral } from './referral-crypto.ts';
import * as q from './referrals.queries.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

registerPersonDataHandler({
  section: 'referrals',
  async exportFor({ db, keyring, actor }, orgId, personId) {
    const rows = await q.listReferrals(db, {
      orgId,
      direction: 'outgoing',
      scope: 'org',
      accountId: actor.accountId,
      teamIds: actor.teamIds,
      personId,
    });
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        to: { organisation: r.to_org_name, service: r.to_service_name },
        sharedFields: r.shared_fields,
        urgency: r.urgency,
        reason: await openReferral(keyring, keyOrgOf('reason', r), 'reason', r.reason),
        status: r.status,
        declineReason: await openReferral(keyring, keyOrgOf('decline_reason', r), 'decline_reason', r.decline_reason),
        outcome: await openReferral(keyring, keyOrgOf('outcome', r), 'outcome', r.outcome),
        consentWithdrawn: r.consent_withdrawn,
        sentAt: iso(r.created_at),
        answeredAt: iso(r.answered_at),
        closedAt: iso(r.closed_at),
      })),
    );
  },
  async eraseIn({ tx, personId, at, by }) {
    const open = await tx.query<{ id: string; from_org_id: string }>(
      `UPDATE referrals SET status = 'closed_no_outcome', closed_at = $2, updated_at = $2, version = version + 1
        WHERE person_id = $1 AND status = ANY($3::text[]) RETURNING id::text AS id, from_org_id::text AS from_org_id`,
      [personId, at, [...openReferralStatuses]],
    );
    for (const r of open.rows)
      await q.insertHistory(tx, { referralId: r.id, status: 'closed_no_outcome', by, byOrgId: r.from_org_id, at });
    // reason is NOT NULL: an empty value, never decrypted (the view checks personErased first).
    const { rowCount } = await tx.query(
      `UPDATE referrals SET snapshot = NULL, reason = ''::bytea, decline_reason = NULL, outcome = NULL, updated_at = $2 WHERE person_id = $1`,
      [personId, at],
    );
    return { referrals: rowCount, closed: open.rows.length };
  },
});
