// SQL of the organisations module: organisations, teams, accounts, memberships, sharing.
import type { Queryable } from '../kernel/db/database.ts';

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  time_zone: string;
  totp_required_roles: string[];
}

export interface MembershipRow {
  org_id: string;
  slug: string;
  name: string;
  role: string;
  totp_required_roles: string[];
  teams: { id: string; name: string }[] | null;
}

export async function findOrganisationBySlug(db: Queryable, slug: string): Promise<OrganisationRow | undefined> {
  const { rows } = await db.query<OrganisationRow>(
    'SELECT id::text AS id, slug, name, kind, country, time_zone, totp_required_roles FROM organisations WHERE slug = $1',
    [slug],
  );
  return rows[0];
}

export async function insertOrganisation(
  tx: Queryable,
  org: { slug: string; name: string; kind: string; country: string | null; timeZone: string },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO organisations (slug, name, kind, country, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id',
    [org.slug, org.name, org.kind, org.country, org.timeZone],
  );
  return (rows[0] as { id: string }).id;
}

export async function findOrCreateTeam(tx: Queryable, orgId: string, name: string): Promise<string> {
  await tx.query('INSERT INTO teams (org_id, name) VALUES ($1, $2) ON CONFLICT (org_id, name) DO NOTHING', [
    orgId,
    name,
  ]);
  const { rows } = await tx.query<{ id: string }>('SELECT id::text AS id FROM teams WHERE org_id = $1 AND name = $2', [
    orgId,
    name,
  ]);
  return (rows[0] as { id: string }).id;
}

/**
 * The memberships of an account as one JSON array, as a SQL expression over `$account` so that
 * the per-request session lookup can fetch them in the same round trip.
 */
export function membershipsJsonSql(accountIdExpression: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
            'org_id', m.org_id::text, 'slug', o.slug, 'name', o.name, 'role', m.role,
            'totp_required_roles', o.totp_required_roles,
            'teams', (SELECT json_agg(json_build_object('id', t.id::text, 'name', t.name) ORDER BY t.name)
                        FROM team_members tm JOIN teams t ON t.id = tm.team_id
                       WHERE tm.account_id = m.account_id AND t.org_id = m.org_id))
            ORDER BY m.created_at, o.slug), '[]'::json)
     FROM memberships m JOIN organisations o ON o.id = m.org_id
    WHERE m.account_id = ${accountIdExpression})`;
}

export async function listMemberships(db: Queryable, accountId: string): Promise<MembershipRow[]> {
  const { rows } = await db.query<{ memberships: MembershipRow[] | string }>(
    `SELECT ${membershipsJsonSql('$1::uuid')} AS memberships`,
    [accountId],
  );
  return parseJsonColumn(rows[0]?.memberships ?? []);
}

/** json (not jsonb) columns come back parsed from pg and PGlite alike; be tolerant of text. */
export function parseJsonColumn<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export async function listSharingTowards(
  db: Queryable,
  orgId: string,
): Promise<{ from_org_id: string; purposes: string[] }[]> {
  const { rows } = await db.query<{ from_org_id: string; purposes: string[] }>(
    `SELECT from_org_id::text AS from_org_id, purposes FROM sharing_agreements
      WHERE to_org_id = $1 AND revoked_at IS NULL AND valid_from <= CURRENT_DATE
        AND (valid_until IS NULL OR valid_until >= CURRENT_DATE)`,
    [orgId],
  );
  return rows;
}

export interface AccountListRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  totp_enrolled: boolean;
  disabled: boolean;
  home_org_id: string;
  password_set: boolean;
  last_sign_in_at: Date | null;
  teams: { id: string; name: string }[] | string | null;
}

export async function listOrgAccounts(db: Queryable, orgId: string): Promise<AccountListRow[]> {
  const { rows } = await db.query<AccountListRow>(
    `SELECT a.id::text AS id, a.email, a.display_name, m.role, a.totp_enrolled_at IS NOT NULL AS totp_enrolled,
            a.disabled_at IS NOT NULL AS disabled, a.home_org_id::text AS home_org_id,
            a.password_hash IS NOT NULL AS password_set, a.last_sign_in_at,
            (SELECT json_agg(json_build_object('id', t.id::text, 'name', t.name) ORDER BY t.name)
               FROM team_members tm JOIN teams t ON t.id = tm.team_id
              WHERE tm.account_id = a.id AND t.org_id = m.org_id) AS teams
       FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.org_id = $1 ORDER BY a.display_name, a.email`,
    [orgId],
  );
  return rows;
}
