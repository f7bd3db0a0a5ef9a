// SQL of sharing agreements (decision 0128): the agreements an organisation is a party to, on
// either side, with both organisations' names; creating and revoking.
import type { Queryable } from '../kernel/db/database.ts';

export interface AgreementRow {
  id: string;
  from_org_id: string;
  from_slug: string;
  from_name: string;
  to_org_id: string;
  to_slug: string;
  to_name: string;
  purposes: string[];
  valid_from: string;
  valid_until: string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
  status: 'active' | 'scheduled' | 'expired' | 'revoked';
}

const COLUMNS = `s.id::text AS id, s.from_org_id::text AS from_org_id, f.slug AS from_slug, f.name AS from_name,
  s.to_org_id::text AS to_org_id, t.slug AS to_slug, t.name AS to_name, s.purposes,
  s.valid_from::text AS valid_from, s.valid_until::text AS valid_until, s.created_at, s.revoked_at,
  CASE WHEN s.revoked_at IS NOT NULL THEN 'revoked'
       WHEN s.valid_from > CURRENT_DATE THEN 'scheduled'
       WHEN s.valid_until IS NOT NULL AND s.valid_until < CURRENT_DATE THEN 'expired'
       ELSE 'active' END AS status`;
const FROM = `sharing_agreements s JOIN organisations f ON f.id = s.from_org_id JOIN organisations t ON t.id = s.to_org_id`;

export async function listAgreementsOf(db: Queryable, orgId: string): Promise<AgreementRow[]> {
  const { rows } = await db.query<AgreementRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE s.from_org_id = $1 OR s.to_org_id = $1
      ORDER BY s.revoked_at IS NOT NULL, s.created_at DESC, s.id`,
    [orgId],
  );
  return rows;
}

export async function findAgreement(db: Queryable, id: string): Promise<AgreementRow | undefined> {
  const { rows } = await db.query<AgreementRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1`, [id]);
  return rows[0];
}

export async function listOtherOrganisations(
  db: Queryable,
  orgId: string,
): Promise<{ id: string; slug: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; slug: string; name: string }>(
    'SELECT id::text AS id, slug, name FROM organisations WHERE id <> $1 ORDER BY name, slug',
    [orgId],
  );
  return rows;
}

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
  return rows.length > 0;
}

export async function insertAgreement(
  tx: Queryable,
  a: {
    id: string;
    fromOrgId: string;
    toOrgId: string;
    purposes: string[];
    validFrom: string | null;
    validUntil: string | null;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO sharing_agreements (id, from_org_id, to_org_id, purposes, valid_from, valid_until, created_by, created_at)
     VALUES ($1, $2, $3, $4::text[], coalesce($5::date, CURRENT_DATE), $6::date, $7, $8)`,
    [a.id, a.fromOrgId, a.toOrgId, a.purposes, a.validFrom, a.validUntil, a.by, a.at],
  );
}

/** Revokes an agreement still in force or scheduled; false when it was already revoked. */
export async function revokeAgreement(tx: Queryable, id: string, at: Date): Promise<boolean> {
  const { rows } = await tx.query(
    'UPDATE sharing_agreements SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id, at],
  );
  return rows.length > 0;
}
