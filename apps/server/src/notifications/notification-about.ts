// What a notification is about, in words the bell can show ("for whom", which service, which
// need, which organisation) and the page the recipient can open. Notifications themselves hold
// references only; a module registers a describer for its record type that reads the record for
// the recipient at list time, under the recipient's own access (a name they may not read stays
// null, and a partner organisation gets the opaque reference instead).
import { can, type Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { findPerson } from '../people/people.queries.ts';

export interface NotificationAbout {
  /** The person the record is about, when the recipient may read their name. */
  person: string | null;
  /**
   * An opaque reference of the record (e.g. a tracing request's "3F2A91C0") for a recipient who
   * may not see the name, or where there is no name (unidentified remains). Shown on the page the
   * link opens, so the recipient can tell which one it is.
   */
  reference: string | null;
  /** The service or organisation concerned (a referral's receiver). */
  service: string | null;
  /** The need area of a reintegration plan ('housing'…), a code the staff app puts in words. */
  area: string | null;
  /** The other organisation (the one that asked, answered or confirmed). */
  org: string | null;
  /** A date the record is known by (an incident's date, YYYY-MM-DD). */
  date: string | null;
  /** A place in words ("Huixtla, Chiapas"), in Spanish and English. */
  place: { es: string; en: string } | null;
}
export interface AboutRow {
  id: string;
  record_type: string;
  record_id: string;
  ref_id?: string | null;
  kind: string;
}
export type Described = { link?: string | null; about: NotificationAbout };
export type NotificationDescriber = (
  deps: { db: Database; keyring: Keyring },
  actor: Actor,
  rows: readonly AboutRow[],
) => Promise<Map<string, Described>>;

const describers = new Map<string, NotificationDescriber>();

export function registerNotificationDescriber(recordType: string, describer: NotificationDescriber): void {
  describers.set(recordType, describer);
}

/** An `about` with every field present (null unless given). */
export function about(parts: Partial<NotificationAbout>): NotificationAbout {
  return {
    person: parts.person ?? null,
    reference: parts.reference ?? null,
    service: parts.service ?? null,
    area: parts.area ?? null,
    org: parts.org ?? null,
    date: parts.date ?? null,
    place: parts.place ?? null,
  };
}

/** An opaque, stable reference of a record for people who may not see who it is: "3F2A91C0". */
export { opaqueReference } from '@acompana/core';

/** The person's name if the actor may read their record (own organisation), else null. */
export async function personNameFor(
  deps: { db: Database; keyring: Keyring },
  actor: Actor,
  personId: string,
): Promise<string | null> {
  const person = await findPerson(deps.db, personId);
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
  const n = await decryptPersonColumns(deps.keyring, person.org_id, person, ['given_names', 'surnames']);
  return `${n.givenNames ?? ''} ${n.surnames ?? ''}`.trim() || null;
}

/** The description of each notification whose record type has a describer, by notification id. */
export async function describeNotifications(
  deps: { db: Database; keyring: Keyring },
  actor: Actor,
  rows: readonly AboutRow[],
): Promise<Map<string, Described>> {
  const out = new Map<string, Described>();
  for (const [type, describer] of describers) {
    const mine = rows.filter((r) => r.record_type === type);
    if (mine.length === 0) continue;
    try {
      for (const [id, d] of await describer(deps, actor, mine)) out.set(id, d);
    } catch {
      // A record that cannot be read (damaged, or its key retired) must not take the bell down:
      // describe the others one by one; that one keeps its kind's general sentence and link.
      for (const row of mine)
        try {
          for (const [id, d] of await describer(deps, actor, [row])) out.set(id, d);
        } catch {
          continue;
        }
    }
  }
  return out;
}
