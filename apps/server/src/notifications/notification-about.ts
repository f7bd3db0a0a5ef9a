// What a notification is about, in words the bell can show ("for whom", which service, which
// need) and the page the recipient can open. Notifications themselves hold references only; a
// module registers a describer for its record type that reads the record for the recipient at
// list time, under the recipient's own access (a name they may not read stays null).
import type { Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';

export interface NotificationAbout {
  /** The person the record is about, when the recipient may read their name. */
  person: string | null;
  /** The service or organisation concerned (a referral's receiver). */
  service: string | null;
  /** The need area of a reintegration plan ('housing'…), a code the staff app puts in words. */
  area: string | null;
}
export interface AboutRow {
  id: string;
  record_type: string;
  record_id: string;
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
    for (const [id, d] of await describer(deps, actor, mine)) out.set(id, d);
  }
  return out;
}
