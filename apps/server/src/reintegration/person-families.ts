// The separated families a person belongs to, for the person's page: who stayed where (the family
// file's members with their place and the country that holds them), read with the 'case' grants
// of can() like the family file itself. Members who are a partner organisation's record show
// only their relationship here (the family page applies the sharing rules to show more).
import { can, type Actor } from '@acompana/core';
import { z } from 'zod';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { open } from './reintegration-crypto.ts';

export const personFamiliesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      status: z.string(),
      members: z.array(
        z.object({
          id: z.string(),
          /** This member is the person whose page is shown. */
          self: z.boolean(),
          name: z.string().nullable(),
          relationship: z.string(),
          isChild: z.boolean(),
          location: z.string().nullable(),
          holdingCountry: z.string().nullable(),
          status: z.string(),
          separatedSince: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type PersonFamilies = z.infer<typeof personFamiliesSchema>;

interface FamilyRow {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  label: unknown;
  status: string;
}
interface MemberRow {
  id: string;
  family_id: string;
  person_id: string | null;
  member_org_id: string | null;
  name: unknown;
  relationship: string;
  is_child: boolean;
  location: unknown;
  holding_country: string | null;
  status: string;
  separated_since: string | null;
  given_names: unknown;
  surnames: unknown;
}

export async function personFamilies(
  deps: { db: Database; keyring: Keyring; audit: AuditWriter },
  actor: Actor,
  personId: string,
  meta: { ip?: string | null } = {},
): Promise<PersonFamilies> {
  const { db, keyring, audit } = deps;
  const person = await ownPersonFor(db, actor, 'read', personId);
  const families = (
    await db.query<FamilyRow>(
      `SELECT f.id::text AS id, f.org_id::text AS org_id, f.owner_account_id::text AS owner_account_id, f.team_id::text AS team_id, f.label, f.status
         FROM families f WHERE f.org_id = $1 AND EXISTS (SELECT 1 FROM family_members m WHERE m.family_id = f.id AND m.person_id = $2)
        ORDER BY f.created_at DESC, f.id`,
      [person.org_id, person.id],
    )
  ).rows.filter((f) =>
    can(actor, 'read', { type: 'case', orgId: f.org_id, ownerId: f.owner_account_id, teamId: f.team_id }),
  );
  if (families.length === 0) return { items: [] };
  const members = (
    await db.query<MemberRow>(
      `SELECT m.id::text AS id, m.family_id::text AS family_id, m.person_id::text AS person_id, p.org_id::text AS member_org_id,
              m.name, m.relationship, m.is_child, m.location, trim(m.holding_country) AS holding_country, m.status,
              m.separated_since::text AS separated_since, p.given_names, p.surnames
         FROM family_members m LEFT JOIN people p ON p.id = m.person_id AND p.deleted_at IS NULL
        WHERE m.family_id = ANY($1::uuid[]) ORDER BY (m.person_id IS DISTINCT FROM $2::uuid), m.created_at, m.id`,
      [families.map((f) => f.id), person.id],
    )
  ).rows;
  const items = await Promise.all(
    families.map(async (f) => ({
      id: f.id,
      label: (await open(keyring, f.org_id, 'families', 'label', f.label)) ?? '',
      status: f.status,
      members: await Promise.all(
        members
          .filter((m) => m.family_id === f.id)
          .map(async (m) => {
            const ours = m.person_id !== null && m.member_org_id === f.org_id;
            const names = ours ? await decryptPersonColumns(keyring, f.org_id, m, ['given_names', 'surnames']) : null;
            return {
              id: m.id,
              self: m.person_id === person.id,
              name: names
                ? `${names.givenNames ?? ''} ${names.surnames ?? ''}`.trim()
                : m.person_id
                  ? null
                  : await open(keyring, f.org_id, 'family_members', 'name', m.name),
              relationship: m.relationship,
              isChild: m.is_child,
              location: await open(keyring, f.org_id, 'family_members', 'location', m.location),
              holdingCountry: m.holding_country,
              status: m.status,
              separatedSince: m.separated_since,
            };
          }),
      ),
    })),
  );
  await audit.record({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action: 'family.person_read',
    recordType: 'person',
    recordId: person.id,
    orgId: person.org_id,
    ip: meta.ip ?? null,
    fields: ['label', 'name', 'location'],
    details: { families: items.length },
  });
  return { items };
}
