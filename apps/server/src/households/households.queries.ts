// The SQL of the households module: ciphertext, coarse facts and member links only.
import type { Queryable } from '../kernel/db/database.ts';
import type { Relationship } from '@acompana/core';

export interface HouseholdRow {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  kind: string;
  label: unknown;
  notes: unknown;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface MemberRow {
  person_id: string;
  relationship: Relationship;
  responsible_adult_id: string | null;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  birth_year: number | null;
  given_names: unknown;
  surnames: unknown;
}

/** The coarse facts of a live person (for membership checks: organisation, access, age). */
export interface PersonFactsRow {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  birth_year: number | null;
}

const HOUSEHOLD = `h.id::text AS id, h.org_id::text AS org_id, h.owner_account_id::text AS owner_account_id, h.team_id::text AS team_id,
  h.kind, h.label, h.notes, h.version, h.created_at, h.updated_at`;

export async function findHousehold(db: Queryable, id: string): Promise<HouseholdRow | undefined> {
  const { rows } = await db.query<HouseholdRow>(`SELECT ${HOUSEHOLD} FROM households h WHERE h.id = $1`, [id]);
  return rows[0];
}

export async function activeMembers(db: Queryable, householdId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(
    `SELECT m.person_id::text AS person_id, m.relationship, m.responsible_adult_id::text AS responsible_adult_id,
            p.org_id::text AS org_id, p.owner_account_id::text AS owner_account_id, p.team_id::text AS team_id, p.birth_year, p.given_names, p.surnames
       FROM household_members m JOIN people p ON p.id = m.person_id
      WHERE m.household_id = $1 AND m.left_at IS NULL
      ORDER BY (m.relationship = 'self') DESC, p.birth_year NULLS LAST, m.joined_at, m.person_id`,
    [householdId],
  );
  return rows;
}

export async function personFacts(db: Queryable, ids: readonly string[]): Promise<Map<string, PersonFactsRow>> {
  const { rows } = await db.query<PersonFactsRow>(
    `SELECT id::text AS id, org_id::text AS org_id, owner_account_id::text AS owner_account_id, team_id::text AS team_id, birth_year
       FROM people WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertHousehold(
  tx: Queryable,
  h: {
    id: string;
    orgId: string;
    ownerId: string;
    teamId: string | null;
    kind: string;
    label: Buffer | null;
    notes: Buffer | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO households (id, org_id, owner_account_id, team_id, kind, label, notes, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $3, $8, $8)`,
    [h.id, h.orgId, h.ownerId, h.teamId, h.kind, h.label, h.notes, h.at],
  );
}

/** Adds a member, or brings back one who had left (with the new relationship). */
export async function upsertMember(
  tx: Queryable,
  householdId: string,
  m: { personId: string; relationship: string; responsibleAdultId: string | null },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO household_members (household_id, person_id, relationship, responsible_adult_id, joined_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (household_id, person_id) DO UPDATE SET relationship = EXCLUDED.relationship, responsible_adult_id = EXCLUDED.responsible_adult_id, joined_at = EXCLUDED.joined_at, left_at = NULL`,
    [householdId, m.personId, m.relationship, m.responsibleAdultId, at],
  );
}

export async function markLeft(tx: Queryable, householdId: string, personId: string, at: Date): Promise<void> {
  await tx.query(
    'UPDATE household_members SET left_at = $3, responsible_adult_id = NULL WHERE household_id = $1 AND person_id = $2',
    [householdId, personId, at],
  );
  // Children whose responsible adult left have none until the team names another.
  await tx.query(
    'UPDATE household_members SET responsible_adult_id = NULL WHERE household_id = $1 AND responsible_adult_id = $2',
    [householdId, personId],
  );
}

export async function setResponsible(
  tx: Queryable,
  householdId: string,
  personId: string,
  adultId: string | null,
): Promise<void> {
  await tx.query(
    'UPDATE household_members SET responsible_adult_id = $3 WHERE household_id = $1 AND person_id = $2 AND left_at IS NULL',
    [householdId, personId, adultId],
  );
}

/** Bumps the version if still at `version`; null when someone changed the household meanwhile. */
export async function bumpVersion(
  tx: Queryable,
  id: string,
  version: number,
  at: Date,
  set: Record<string, unknown> = {},
): Promise<number | null> {
  const params: unknown[] = [id, version, at];
  const sets = Object.entries(set).map(([c, v]) => {
    params.push(v);
    return `${c} = $${params.length}`;
  });
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE households SET ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')} WHERE id = $1 AND version = $2 RETURNING version`,
    params,
  );
  return rows[0] ? Number(rows[0].version) : null;
}

export interface HouseholdListScope {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

export async function listHouseholds(
  db: Queryable,
  s: HouseholdListScope,
  filters: { kind?: string | undefined; personId?: string | undefined },
  after: { at: string; id: string } | null,
  limit: number,
): Promise<(HouseholdRow & { member_count: number })[]> {
  const params: unknown[] = [s.orgId];
  const where = ['h.org_id = $1'];
  if (s.scope !== 'org') {
    params.push(s.accountId);
    const own = `h.owner_account_id = $${params.length}`;
    if (s.scope === 'own') where.push(own);
    else {
      params.push(s.teamIds);
      where.push(`(${own} OR h.team_id = ANY($${params.length}::uuid[]))`);
    }
  }
  if (filters.kind) {
    params.push(filters.kind);
    where.push(`h.kind = $${params.length}`);
  }
  if (filters.personId) {
    params.push(filters.personId);
    where.push(
      `EXISTS (SELECT 1 FROM household_members x WHERE x.household_id = h.id AND x.person_id = $${params.length} AND x.left_at IS NULL)`,
    );
  }
  if (after) {
    params.push(after.at, after.id);
    where.push(`(h.created_at, h.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit);
  const { rows } = await db.query<HouseholdRow & { member_count: number }>(
    `SELECT ${HOUSEHOLD}, (SELECT count(*) FROM household_members m WHERE m.household_id = h.id AND m.left_at IS NULL)::int AS member_count
       FROM households h WHERE ${where.join(' AND ')} ORDER BY h.created_at DESC, h.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
