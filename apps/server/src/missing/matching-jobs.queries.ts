// SQL of continuous matching: which reports a newly registered (or newly shared) person may concern,
// the report owner's standing in the organisation (the job searches what the owner may search),
// and the open reports the periodic sweep re-runs.
import type { Queryable } from '../kernel/db/database.ts';

export interface PersonNamesRow {
  id: string;
  org_id: string;
  given_names: unknown;
  surnames: unknown;
  aliases: unknown;
  shared_for_search: boolean;
}

/** A person's encrypted names, and whether the person consents to sharing (for search). */
export async function findPersonNames(db: Queryable, id: string): Promise<PersonNamesRow | undefined> {
  const { rows } = await db.query<PersonNamesRow>(
    `SELECT p.id::text AS id, p.org_id::text AS org_id, p.given_names, p.surnames, p.aliases,
            EXISTS (SELECT 1 FROM person_consents c WHERE c.person_id = p.id AND c.purpose = 'sharing' AND c.withdrawn_at IS NULL) AS shared_for_search
       FROM people p WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [id],
  );
  return rows[0];
}

/** Organisations an organisation shares its people with for search, today. */
export async function searchRecipientsOf(db: Queryable, fromOrgId: string): Promise<string[]> {
  const { rows } = await db.query<{ to_org_id: string }>(
    `SELECT DISTINCT to_org_id::text AS to_org_id FROM sharing_agreements
      WHERE from_org_id = $1 AND 'search' = ANY(purposes) AND revoked_at IS NULL AND valid_from <= CURRENT_DATE
        AND (valid_until IS NULL OR valid_until >= CURRENT_DATE)`,
    [fromOrgId],
  );
  return rows.map((r) => r.to_org_id);
}

/** The owner's role and teams in the report's organisation (none: disabled or no longer a member). */
export async function ownerStanding(
  db: Queryable,
  accountId: string,
  orgId: string,
): Promise<{ role: string; teams: string[] } | undefined> {
  const { rows } = await db.query<{ role: string; teams: string[] }>(
    `SELECT m.role, coalesce((SELECT array_agg(t.id::text) FROM team_members tm JOIN teams t ON t.id = tm.team_id
                               WHERE tm.account_id = m.account_id AND t.org_id = m.org_id), '{}') AS teams
       FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.account_id = $1 AND m.org_id = $2 AND a.disabled_at IS NULL`,
    [accountId, orgId],
  );
  return rows[0];
}

export async function openReportIds(
  db: Queryable,
  afterId: string | null,
  limit: number,
): Promise<{ id: string; org_id: string }[]> {
  const { rows } = await db.query<{ id: string; org_id: string }>(
    `SELECT id::text AS id, org_id::text AS org_id FROM missing_reports WHERE status = 'open' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows;
}
