// "Es la misma persona" (decision 0136). Across organisations the two records are LINKED: only
// the two ids are stored, nothing of the partner's record is copied, and the link may be made
// only to a record the duplicate warning could show (a 'search' sharing agreement towards the
// actor's organisation and the person's consent to sharing). Within one organisation what was
// typed at intake is MERGED into the existing record: it fills what the record lacks and never
// overwrites. Both are audited; a link in both organisations.
import { can, type Actor, type PersonCreate, type PersonLink, type PersonUpdate, type Person } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from './own-person.ts';
import { findPerson } from './people.queries.ts';
import type { createPeopleService } from './people.service.ts';

type Meta = { ip?: string };
type Deps = { db: Database; keyring: Keyring; audit: AuditWriter };

/**
 * The partner organisation of a record the actor may link to. Any other id (unknown, this
 * organisation's, not shared, no consent) gets the same answer, so nothing is learnt from it.
 */
async function linkablePartnerRecord(db: Queryable, actor: Actor, personId: string): Promise<{ orgId: string }> {
  const row = await findPerson(db, personId);
  const partner = row?.org_id;
  const shares = actor.sharing.some((s) => s.fromOrgId === partner && s.purposes.includes('search'));
  if (!row || !partner || partner === actor.orgId || !shares)
    throw new AppError('people.link_unavailable', { field: 'linkedPersonId' });
  const consent = await db.query(
    "SELECT 1 FROM person_consents WHERE person_id = $1 AND org_id = $2 AND purpose = 'sharing' AND withdrawn_at IS NULL",
    [personId, partner],
  );
  const record = {
    type: 'person' as const,
    orgId: partner,
    ownerId: row.owner_account_id,
    teamId: row.team_id,
    consentedPurposes: consent.rows.length > 0 ? ['search' as const] : [],
  };
  if (consent.rows.length === 0 || !can(actor, 'read', record))
    throw new AppError('people.link_unavailable', { field: 'linkedPersonId' });
  return { orgId: partner };
}

export function createPersonLinks({ db, audit }: Deps) {
  async function link(actor: Actor, personId: string, linkedPersonId: string, meta: Meta = {}): Promise<PersonLink> {
    const person = await ownPersonFor(db, actor, 'update', personId);
    const partner = await linkablePartnerRecord(db, actor, linkedPersonId);
    const existing = await db.query<{ id: string }>(
      'SELECT id::text AS id FROM person_links WHERE person_id = $1 AND linked_person_id = $2 AND unlinked_at IS NULL',
      [person.id, linkedPersonId],
    );
    if (existing.rows[0]) return (await list(actor, personId)).find((l) => l.id === existing.rows[0]?.id) as PersonLink;
    const id = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO person_links (org_id, person_id, linked_org_id, linked_person_id, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
        [person.org_id, person.id, partner.orgId, linkedPersonId, actor.accountId],
      );
      const created = (rows[0] as { id: string }).id;
      const entry = {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        recordType: 'person',
        fields: ['person_links'],
        ip: meta.ip ?? null,
      };
      await audit.append(tx, {
        ...entry,
        action: 'person.link',
        recordId: person.id,
        orgId: person.org_id,
        details: { link: created, linkedOrgId: partner.orgId, linkedPersonId },
      });
      // The partner sees that its record was recognised as the same person, and by whom.
      await audit.append(tx, {
        ...entry,
        action: 'person.linked_by_partner',
        recordId: linkedPersonId,
        orgId: partner.orgId,
        details: { link: created, byOrgId: person.org_id },
      });
      return created;
    });
    return (await list(actor, personId)).find((l) => l.id === id) as PersonLink;
  }

  async function list(actor: Actor, personId: string): Promise<PersonLink[]> {
    const person = await ownPersonFor(db, actor, 'read', personId);
    const { rows } = await db.query<{
      id: string;
      linked_person_id: string;
      linked_org_id: string;
      name: string;
      created_at: Date | string;
    }>(
      `SELECT l.id::text AS id, l.linked_person_id::text AS linked_person_id, l.linked_org_id::text AS linked_org_id,
              o.name, l.created_at
         FROM person_links l JOIN organisations o ON o.id = l.linked_org_id
        WHERE l.person_id = $1 AND l.unlinked_at IS NULL ORDER BY l.created_at, l.id`,
      [person.id],
    );
    return rows.map((r) => ({
      id: r.id,
      personId: person.id,
      linkedPersonId: r.linked_person_id,
      organisation: { id: r.linked_org_id, name: r.name },
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async function unlink(actor: Actor, personId: string, linkId: string, meta: Meta = {}): Promise<void> {
    const person = await ownPersonFor(db, actor, 'update', personId);
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ linked_org_id: string; linked_person_id: string }>(
        `UPDATE person_links SET unlinked_at = now(), unlinked_by = $3
          WHERE id = $1 AND person_id = $2 AND unlinked_at IS NULL
          RETURNING linked_org_id::text AS linked_org_id, linked_person_id::text AS linked_person_id`,
        [linkId, person.id, actor.accountId],
      );
      // Already undone (or never made): nothing to undo, nothing to record.
      if (!rows[0]) return;
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'person.unlink',
        recordType: 'person',
        recordId: person.id,
        orgId: person.org_id,
        fields: ['person_links'],
        ip: meta.ip ?? null,
        details: { link: linkId, linkedOrgId: rows[0].linked_org_id },
      });
    });
  }

  return { link, list, unlink };
}

/** The fields of an intake that fill blanks of an existing record (never overwriting it). */
export function mergeChanges(existing: Person, typed: PersonCreate): Omit<PersonUpdate, 'version'> {
  const out: Omit<PersonUpdate, 'version'> = {};
  if (typed.sex && !existing.sex) out.sex = typed.sex;
  if (typed.genderIdentity && !existing.genderIdentity) out.genderIdentity = typed.genderIdentity;
  if (typed.nationality && !existing.nationality) out.nationality = typed.nationality;
  if (typed.birthDate && !existing.birthDate) out.birthDate = typed.birthDate;
  else if (typed.estimatedAge !== undefined && !existing.birthDate && existing.birthYear === undefined)
    out.estimatedAge = typed.estimatedAge;
  if (typed.origin && !existing.origin?.country && !existing.origin?.place) out.origin = typed.origin;
  const newDocuments = (typed.documents ?? []).filter((d) => !existing.documents.some((e) => e.number === d.number));
  if (newDocuments.length) out.documents = [...existing.documents, ...newDocuments];
  const newContacts = (typed.contacts ?? []).filter((c) => !existing.contacts.some((e) => e.value === c.value));
  if (newContacts.length) out.contacts = [...existing.contacts, ...newContacts] as PersonUpdate['contacts'];
  const newLanguages = (typed.languages ?? []).filter(
    (l) => !existing.languages.some((e) => e.language.toLowerCase() === l.language.toLowerCase()),
  );
  if (newLanguages.length) out.languages = [...existing.languages, ...newLanguages];
  return out;
}

/** Merges what was typed at intake into the organisation's existing record of the same person. */
export async function mergeIntoExisting(
  deps: Deps & { people: ReturnType<typeof createPeopleService> },
  actor: Actor,
  personId: string,
  input: { version: number; typed: PersonCreate },
  meta: Meta = {},
): Promise<{ personId: string; filled: string[] }> {
  // Decided first: a role that may only read the record learns nothing about its version.
  await ownPersonFor(deps.db, actor, 'update', personId);
  const existing = await deps.people.get(actor, personId, meta);
  if (existing.version !== input.version)
    throw new AppError('record.conflict', { field: 'version', params: { fields: 'version' } });
  const changes = mergeChanges(existing, input.typed);
  const filled = Object.keys(changes);
  if (filled.length > 0) await deps.people.update(actor, personId, { version: existing.version, ...changes }, meta);
  const row = (await findPerson(deps.db, personId)) as NonNullable<Awaited<ReturnType<typeof findPerson>>>;
  await deps.audit.record({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action: 'person.merge',
    recordType: 'person',
    recordId: personId,
    orgId: row.org_id,
    fields: filled,
    ip: meta.ip ?? null,
    details: { source: 'intake', filled: filled.join(',') },
  });
  return { personId, filled };
}
