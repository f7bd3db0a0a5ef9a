// SQL of family files: members, tracing requests and reunification plan steps.
import type { Queryable } from '../kernel/db/database.ts';

export interface FamilyRow {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  household_id: string | null;
  label: unknown;
  status: 'separated' | 'reunified' | 'closed';
  reunified_on: string | null;
  version: number;
}
const FAMILY = `f.id::text AS id, f.org_id::text AS org_id, f.owner_account_id::text AS owner_account_id, f.team_id::text AS team_id,
  f.household_id::text AS household_id, f.label, f.status, f.reunified_on::text AS reunified_on, f.version`;

export async function findFamily(db: Queryable, id: string): Promise<FamilyRow | undefined> {
  const { rows } = await db.query<FamilyRow>(`SELECT ${FAMILY} FROM families f WHERE f.id = $1`, [id]);
  return rows[0];
}

export async function insertFamily(
  tx: Queryable,
  v: {
    id: string;
    orgId: string;
    ownerAccountId: string;
    teamId: string | null;
    householdId: string | null;
    label: Buffer;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO families (id, org_id, owner_account_id, team_id, household_id, label, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $3, $7)',
    [v.id, v.orgId, v.ownerAccountId, v.teamId, v.householdId, v.label, v.at],
  );
}

/**
 * The family files in the reader's scope, newest first, a page at a time by keyset (`after`: the
 * previous page's last `page_key`, its creation instant to the microsecond, and id).
 */
export async function listFamilies(
  db: Queryable,
  s: { scope: 'org' | 'team' | 'own'; orgId: string; accountId: string; teamIds: readonly string[] },
  limit: number,
  after: { at: string; id: string } | null = null,
): Promise<(FamilyRow & { member_count: number; page_key: string })[]> {
  const params: unknown[] = [s.orgId];
  const where = ['f.org_id = $1'];
  if (s.scope !== 'org') {
    params.push(s.accountId, s.teamIds);
    where.push(
      s.scope === 'own' ? 'f.owner_account_id = $2' : '(f.owner_account_id = $2 OR f.team_id = ANY($3::uuid[]))',
    );
  }
  if (after) {
    params.push(after.at, after.id);
    where.push(`(f.created_at, f.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit);
  const { rows } = await db.query<FamilyRow & { member_count: number; page_key: string }>(
    `SELECT ${FAMILY}, (SELECT count(*)::int FROM family_members m WHERE m.family_id = f.id) AS member_count,
            to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS page_key
       FROM families f WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function bumpFamily(tx: Queryable, id: string, version?: number): Promise<boolean> {
  const { rows } =
    version === undefined
      ? await tx.query('UPDATE families SET version = version + 1 WHERE id = $1 RETURNING id', [id])
      : await tx.query('UPDATE families SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING id', [
          id,
          version,
        ]);
  return rows.length > 0;
}

export async function markReunified(tx: Queryable, id: string, on: string): Promise<void> {
  await tx.query("UPDATE families SET status = 'reunified', reunified_on = $2 WHERE id = $1", [id, on]);
  await tx.query("UPDATE family_members SET status = 'reunified' WHERE family_id = $1", [id]);
}

export interface MemberRow {
  id: string;
  family_id: string;
  org_id: string;
  person_id: string | null;
  name: unknown;
  relationship: string;
  is_child: boolean;
  separated_since: string | null;
  location: unknown;
  holding_authority: string | null;
  holding_country: string | null;
  guardian: unknown;
  case_id: string | null;
  status: 'separated' | 'located' | 'in_contact' | 'reunified';
}
const MEMBER = `m.id::text AS id, m.family_id::text AS family_id, m.org_id::text AS org_id, m.person_id::text AS person_id, m.name, m.relationship, m.is_child,
  m.separated_since::text AS separated_since, m.location, m.holding_authority, trim(m.holding_country) AS holding_country, m.guardian, m.case_id::text AS case_id, m.status`;

export async function members(db: Queryable, familyId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(
    `SELECT ${MEMBER} FROM family_members m WHERE m.family_id = $1 ORDER BY m.created_at, m.id`,
    [familyId],
  );
  return rows;
}

export async function insertMember(
  tx: Queryable,
  v: {
    id: string;
    familyId: string;
    orgId: string;
    personId: string | null;
    name: Buffer | null;
    relationship: string;
    isChild: boolean;
    separatedSince: string | null;
    location: Buffer | null;
    holdingAuthority: string | null;
    holdingCountry: string | null;
    guardian: Buffer | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO family_members (id, family_id, org_id, person_id, name, relationship, is_child, separated_since, location, holding_authority, holding_country, guardian, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      v.id,
      v.familyId,
      v.orgId,
      v.personId,
      v.name,
      v.relationship,
      v.isChild,
      v.separatedSince,
      v.location,
      v.holdingAuthority,
      v.holdingCountry,
      v.guardian,
      v.at,
    ],
  );
}

export async function updateMember(
  tx: Queryable,
  id: string,
  v: {
    status?: string | undefined;
    location?: Buffer | null;
    holdingAuthority?: string | undefined;
    guardian?: Buffer | null;
    caseId?: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE family_members SET status = coalesce($2, status), location = coalesce($3, location), holding_authority = coalesce($4, holding_authority),
       guardian = coalesce($5, guardian), case_id = coalesce($6::uuid, case_id) WHERE id = $1`,
    [id, v.status ?? null, v.location ?? null, v.holdingAuthority ?? null, v.guardian ?? null, v.caseId ?? null],
  );
}

export interface TracingRow {
  id: string;
  member_id: string;
  org_id: string;
  channel: string;
  requested_on: string;
  status: string;
  note: unknown;
  closed_on: string | null;
}

export async function tracing(db: Queryable, familyId: string): Promise<TracingRow[]> {
  const { rows } = await db.query<TracingRow>(
    `SELECT id::text AS id, member_id::text AS member_id, org_id::text AS org_id, channel, requested_on::text AS requested_on, status, note, closed_on::text AS closed_on
       FROM family_tracing_requests WHERE family_id = $1 ORDER BY requested_on, id`,
    [familyId],
  );
  return rows;
}

export async function insertTracing(
  tx: Queryable,
  v: {
    id: string;
    familyId: string;
    orgId: string;
    memberId: string;
    channel: string;
    requestedOn: string;
    note: Buffer | null;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO family_tracing_requests (id, family_id, org_id, member_id, channel, requested_on, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [v.id, v.familyId, v.orgId, v.memberId, v.channel, v.requestedOn, v.note],
  );
}

export async function closeTracing(
  tx: Queryable,
  familyId: string,
  id: string,
  status: string,
  on: string,
): Promise<boolean> {
  const { rows } = await tx.query(
    "UPDATE family_tracing_requests SET status = $3, closed_on = $4 WHERE id = $2 AND family_id = $1 AND status = 'open' RETURNING id",
    [familyId, id, status, on],
  );
  return rows.length > 0;
}

export interface StepRow {
  id: string;
  org_id: string;
  title: unknown;
  due_on: string | null;
  done_on: string | null;
}

export async function planSteps(db: Queryable, familyId: string): Promise<StepRow[]> {
  const { rows } = await db.query<StepRow>(
    'SELECT id::text AS id, org_id::text AS org_id, title, due_on::text AS due_on, done_on::text AS done_on FROM family_plan_steps WHERE family_id = $1 ORDER BY position, id',
    [familyId],
  );
  return rows;
}

export async function insertStep(
  tx: Queryable,
  v: { id: string; familyId: string; orgId: string; title: Buffer; dueOn: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO family_plan_steps (id, family_id, org_id, title, due_on, position)
     VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position), 0) + 1 FROM family_plan_steps WHERE family_id = $2))`,
    [v.id, v.familyId, v.orgId, v.title, v.dueOn],
  );
}

export async function markStepDone(tx: Queryable, familyId: string, id: string, on: string): Promise<boolean> {
  const { rows } = await tx.query(
    'UPDATE family_plan_steps SET done_on = $3 WHERE id = $2 AND family_id = $1 AND done_on IS NULL RETURNING id',
    [familyId, id, on],
  );
  return rows.length > 0;
}

export async function organisationName(db: Queryable, id: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [id]);
  return rows[0]?.name ?? '';
}
