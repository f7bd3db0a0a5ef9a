// SQL of external referrals ("canalización externa"): referrals the organisation made itself, by
// phone, letter or an accompanied visit, to a directory service that does not receive referrals
// through Acompaña. Reason, contact, decline reason and outcome arrive here as ciphertext.
import type { Queryable } from '../kernel/db/database.ts';

export interface ExternalRow {
  id: string;
  org_id: string;
  person_id: string;
  service_id: string;
  service_name: string;
  service_org_name: string;
  owner_account_id: string | null;
  team_id: string | null;
  reception_id: string | null;
  area: string | null;
  channel: 'phone' | 'letter' | 'accompanied_visit' | 'email' | 'in_person';
  referred_on: string;
  reason: unknown;
  contact: unknown;
  status: 'sent' | 'accepted' | 'declined' | 'completed' | 'closed_no_outcome';
  decline_reason: unknown;
  outcome: unknown;
  answered_on: string | null;
  version: number;
  person_erased: boolean;
}

const SELECT = `SELECT e.id::text AS id, e.org_id::text AS org_id, e.person_id::text AS person_id, e.service_id::text AS service_id,
    s.name AS service_name, o.name AS service_org_name, e.owner_account_id::text AS owner_account_id, e.team_id::text AS team_id,
    e.reception_id::text AS reception_id, e.area, e.channel, e.referred_on::text AS referred_on, e.reason, e.contact, e.status,
    e.decline_reason, e.outcome, e.answered_on::text AS answered_on, e.version,
    EXISTS (SELECT 1 FROM people ep WHERE ep.id = e.person_id AND ep.deleted_at IS NOT NULL) AS person_erased
  FROM external_referrals e
  JOIN hsds_services s ON s.id = e.service_id
  JOIN hsds_organizations o ON o.id = s.organization_id`;

export async function insertExternal(
  tx: Queryable,
  v: {
    orgId: string;
    personId: string;
    serviceId: string;
    consentId: string;
    ownerAccountId: string | null;
    teamId: string | null;
    by: string;
    receptionId: string | null;
    area: string | null;
    channel: string;
    referredOn: string;
    reason: Buffer;
    contact: Buffer | null;
    at: Date;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO external_referrals (org_id, person_id, service_id, consent_id, owner_account_id, team_id, created_by, reception_id, area,
       channel, referred_on, reason, contact, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id::text AS id`,
    [
      v.orgId,
      v.personId,
      v.serviceId,
      v.consentId,
      v.ownerAccountId,
      v.teamId,
      v.by,
      v.receptionId,
      v.area,
      v.channel,
      v.referredOn,
      v.reason,
      v.contact,
      v.at,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function findExternal(db: Queryable, id: string): Promise<ExternalRow | undefined> {
  return (await db.query<ExternalRow>(`${SELECT} WHERE e.id = $1`, [id])).rows[0];
}

export async function externalsOf(
  db: Queryable,
  by: { personId: string } | { receptionId: string },
): Promise<ExternalRow[]> {
  const [column, value] = 'personId' in by ? ['e.person_id', by.personId] : ['e.reception_id', by.receptionId];
  return (
    await db.query<ExternalRow>(`${SELECT} WHERE ${column} = $1 ORDER BY e.referred_on, e.created_at, e.id`, [value])
  ).rows;
}

/** Records what became of it; false when someone changed it first (version) or it was already closed. */
export async function answerExternal(
  tx: Queryable,
  v: {
    id: string;
    version: number;
    from: readonly string[];
    status: string;
    answeredOn: string;
    declineReason: Buffer | null;
    outcome: Buffer | null;
    at: Date;
  },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE external_referrals SET status = $3, answered_on = $4, decline_reason = coalesce($5, decline_reason),
       outcome = coalesce($6, outcome), updated_at = $7, version = version + 1
     WHERE id = $1 AND version = $2 AND status = ANY($8::text[])`,
    [v.id, v.version, v.status, v.answeredOn, v.declineReason, v.outcome, v.at, v.from],
  );
  return rowCount > 0;
}

/** A listed service of the directory (any maintainer), with whether it receives referrals online. */
export async function listedService(
  db: Queryable,
  id: string,
): Promise<{ id: string; accepts_referrals: boolean } | undefined> {
  const { rows } = await db.query<{ id: string; accepts_referrals: boolean }>(
    "SELECT id::text AS id, accepts_referrals FROM hsds_services WHERE id = $1 AND deleted_at IS NULL AND status IN ('active', 'temporarily closed')",
    [id],
  );
  return rows[0];
}
