// External referrals in a person's export and erasure (decision 0118): the export says which
// service the organisation referred the person to, how, why and what became of it; erasure
// removes the texts (reason is NOT NULL: an empty ciphertext is written) and keeps the rows so
// the organisation's referral counts stay true.
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import { openExternal, sealExternal } from './external-referral-crypto.ts';
import * as q from './external-referrals.queries.ts';

registerPersonDataHandler({
  section: 'externalReferrals',
  async exportFor({ db, keyring }, orgId, personId) {
    const rows = (await q.externalsOf(db, { personId })).filter((r) => r.org_id === orgId);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        service: { name: r.service_name, organisation: r.service_org_name },
        channel: r.channel,
        referredOn: r.referred_on,
        reason: await openExternal(keyring, r.org_id, 'reason', r.reason),
        contact: await openExternal(keyring, r.org_id, 'contact', r.contact),
        status: r.status,
        declineReason: await openExternal(keyring, r.org_id, 'decline_reason', r.decline_reason),
        outcome: await openExternal(keyring, r.org_id, 'outcome', r.outcome),
        answeredOn: r.answered_on,
      })),
    );
  },
  async eraseIn({ tx, keyring, orgId, personId, at }) {
    const blank = await sealExternal(keyring, orgId, 'reason', '');
    const { rowCount } = await tx.query(
      `UPDATE external_referrals SET reason = $3, contact = NULL, decline_reason = NULL, outcome = NULL, updated_at = $4,
         status = CASE WHEN status IN ('sent', 'accepted') THEN 'closed_no_outcome' ELSE status END, version = version + 1
        WHERE person_id = $1 AND org_id = $2`,
      [personId, orgId, blank, at],
    );
    return { externalReferrals: rowCount };
  },
});
