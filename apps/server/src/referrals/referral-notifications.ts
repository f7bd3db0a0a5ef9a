// What referral and reintegration notifications are about, for the bell: the person (when the
// recipient may read them), the service and the plan's need area, and a page the recipient can
// open — the reception whose plan holds the referral, else the person's page, else the referrals
// inbox (the receiving side, which never learns who the person is in the sender's records).
import { can, type Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { findPerson } from '../people/people.queries.ts';
import { registerNotificationDescriber, type Described } from '../notifications/notification-about.ts';
import { keyOrgOf, openReferral } from './referral-crypto.ts';
import * as q from './referrals.queries.ts';

/** The person's name if the actor may read their record, else null. */
async function nameFor(db: Database, keyring: Keyring, actor: Actor, personId: string): Promise<string | null> {
  const person = await findPerson(db, personId);
  if (!person || person.org_id !== actor.orgId) return null;
  if (
    !can(actor, 'read', {
      type: 'person',
      orgId: person.org_id,
      ownerId: person.owner_account_id,
      teamId: person.team_id,
    })
  )
    return null;
  const n = await decryptPersonColumns(keyring, person.org_id, person, ['given_names', 'surnames']);
  return `${n.givenNames ?? ''} ${n.surnames ?? ''}`.trim() || null;
}

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
      out.set(n.id, { link: '/referrals', about: { person: await sharedName(keyring, r), service, area: null } });
      continue;
    }
    const plan = await db.query<{ reception_id: string; area: string }>(
      'SELECT reception_id::text AS reception_id, area FROM reintegration_plan_referrals WHERE referral_id = $1 LIMIT 1',
      [r.id],
    );
    const link = plan.rows[0] ? `/reintegration/${plan.rows[0].reception_id}` : `/people/${r.person_id}`;
    out.set(n.id, {
      link,
      about: { person: await nameFor(db, keyring, actor, r.person_id), service, area: plan.rows[0]?.area ?? null },
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
      about: { person: personId ? await nameFor(db, keyring, actor, personId) : null, service: null, area: null },
    });
  }
  return out;
});
