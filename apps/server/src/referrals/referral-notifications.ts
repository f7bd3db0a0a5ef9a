// What referral and reintegration notifications are about, for the bell: the person (when the
// recipient may read them), the service and the plan's need area, and a page the recipient can
// open — the reception whose plan holds the referral, else the person's page, else the referrals
// inbox (the receiving side, which never learns who the person is in the sender's records).
import type { Keyring } from '../kernel/crypto/keyring.ts';
import {
  about,
  opaqueReference,
  personNameFor,
  registerNotificationDescriber,
  type Described,
} from '../notifications/notification-about.ts';
import { keyOrgOf, openReferral } from './referral-crypto.ts';
import * as q from './referrals.queries.ts';

/** The receiver's view of the person: the name the sender chose to share, while consent stands. */
async function sharedName(keyring: Keyring, r: q.ReferralRow): Promise<string | null> {
  if (r.consent_withdrawn || r.person_erased || !r.snapshot) return null;
  const text = await openReferral(keyring, keyOrgOf('snapshot', r), 'snapshot', r.snapshot);
  const s = text ? (JSON.parse(text) as { givenNames?: string; surnames?: string }) : {};
  return `${s.givenNames ?? ''} ${s.surnames ?? ''}`.trim() || null;
}

registerNotificationDescriber('referral', async ({ db, keyring }, actor, rows) => {
  const out = new Map<string, Described>();
  for (const n of rows) {
    const r = await q.findReferral(db, n.record_id);
    if (!r) continue;
    const service = r.to_service_name ?? r.to_org_name;
    if (r.from_org_id !== actor.orgId) {
      // The receiving side: the name the sender chose to share (else the referral's reference) and who sent it.
      const person = await sharedName(keyring, r);
      out.set(n.id, {
        link: '/referrals',
        about: about({ person, reference: person ? null : opaqueReference(r.id), service, org: r.from_org_name }),
      });
      continue;
    }
    const plan = await db.query<{ reception_id: string; area: string }>(
      'SELECT reception_id::text AS reception_id, area FROM reintegration_plan_referrals WHERE referral_id = $1 LIMIT 1',
      [r.id],
    );
    const link = plan.rows[0] ? `/reintegration/${plan.rows[0].reception_id}` : `/people/${r.person_id}`;
    out.set(n.id, {
      link,
      about: about({
        person: await personNameFor({ db, keyring }, actor, r.person_id),
        service,
        area: plan.rows[0]?.area ?? null,
        org: r.to_org_name,
      }),
    });
  }
  return out;
});

registerNotificationDescriber('reintegration', async ({ db, keyring }, actor, rows) => {
  const out = new Map<string, Described>();
  for (const n of rows) {
    const { rows: found } = await db.query<{ person_id: string }>(
      'SELECT person_id::text AS person_id FROM reintegration_receptions WHERE id = $1',
      [n.record_id],
    );
    const personId = found[0]?.person_id;
    out.set(n.id, {
      link: `/reintegration/${n.record_id}`,
      about: about({ person: personId ? await personNameFor({ db, keyring }, actor, personId) : null }),
    });
  }
  return out;
});
