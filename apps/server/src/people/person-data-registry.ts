// A person's rights of access and erasure across every module (decision 0118). Personal data
// about a person lives in many slices (screenings, cases, households, procedures, referrals,
// incidents); each slice registers, from its own folder, one handler that can export what it
// holds about the person and erase it inside the people module's erasure transaction. Like
// registerEncryptedColumn for key rotation, registration happens when the module's
// *-person-data.ts file loads, and bootstrap.ts imports every one of them, so the server and the
// CLI see the same set. A slice that stores personal data and registers nothing is a bug the
// person-data-rights test catches (it scans every table after an erasure).
import type { Actor } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';

/** What an export handler may use: reads only, outside any transaction. */
export interface PersonDataReader {
  db: Database;
  keyring: Keyring;
  /** Who asked for the export: a section may show less to someone who may not read the source record. */
  actor: Actor;
}

/** What an erasure handler gets: the open transaction and nothing else to write through. */
export interface PersonErasure {
  tx: Queryable;
  /** The keyring bound to `tx` (PGlite has one connection: never use the outer database here). */
  keyring: Keyring;
  orgId: string;
  personId: string;
  at: Date;
  by: string;
  /**
   * The person's name tokens, folded (lower case, no accents, three letters or more), read
   * before the record was blanked: a handler may clear free text of a shared record (a
   * household's label, "familia de Dania") that names the erased person.
   */
  nameTokens: readonly string[];
  /** Whether the person had an active consent to anonymous statistics when erased. */
  statisticsConsent: boolean;
}

/** Counts of what an erasure touched, per kind of row (for the audit entry: never values). */
export type ErasureCounts = Record<string, number>;

export interface PersonDataHandler {
  /** The export's section name and the prefix of its counts in the audit entry. */
  section: string;
  exportFor(reader: PersonDataReader, orgId: string, personId: string): Promise<unknown>;
  eraseIn(erasure: PersonErasure): Promise<ErasureCounts>;
}

const handlers = new Map<string, PersonDataHandler>();

export function registerPersonDataHandler(handler: PersonDataHandler): void {
  if (!/^[a-z][a-zA-Z]*$/.test(handler.section)) throw new Error(`not a section name: ${handler.section}`);
  handlers.set(handler.section, handler);
}

/** Every registered handler, by section name (a stable order for exports and erasures). */
export function personDataHandlers(): readonly PersonDataHandler[] {
  return [...handlers.values()].sort((a, b) => a.section.localeCompare(b.section));
}

/** Every section's data about the person, keyed by section. */
export async function exportPersonSections(
  reader: PersonDataReader,
  orgId: string,
  personId: string,
): Promise<Record<string, unknown>> {
  const sections: Record<string, unknown> = {};
  for (const handler of personDataHandlers())
    sections[handler.section] = await handler.exportFor(reader, orgId, personId);
  return sections;
}

/** Runs every handler inside the caller's transaction; counts keyed `section.kind`, zeros left out. */
export async function erasePersonSections(erasure: PersonErasure): Promise<ErasureCounts> {
  const counts: ErasureCounts = {};
  for (const handler of personDataHandlers()) {
    for (const [kind, n] of Object.entries(await handler.eraseIn(erasure)))
      if (n > 0) counts[`${handler.section}.${kind}`] = n;
  }
  return counts;
}

/** Folded tokens of a text, for comparing names without accents or case ("Núñez" = "nunez"). */
export function foldedTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length >= 3);
}

/** Whether free text names the person (any of their folded name tokens appears as a word in it). */
export function mentionsPerson(text: string | null | undefined, nameTokens: readonly string[]): boolean {
  if (!text || nameTokens.length === 0) return false;
  const words = new Set(foldedTokens(text));
  return nameTokens.some((token) => words.has(token));
}
