// The SQL of referrals. Reason, snapshot, decline reason and outcome arrive here as ciphertext.
// Whether the person's consent still stands is read with every referral (consent_withdrawn),
// so a withdrawal takes effect at the next read, with nothing to remember to run.
import type { Queryable } from '../kernel/db/database.ts';
import { addNotification, notifyRoles } from '../notifications/notify.ts';

export interface ReferralRow {
  id: string;
  from_org_id: string;
  from_org_name: string;
  to_org_id: string;
  to_org_name: string;
  to_service_id: string | null;
  to_service_name: string | null;
  person_id: string;
  consent_id: string;
  consent_withdrawn: boolean;
  /** The person record was erased at the person's request (decision 0118): nothing personal is left. */
  person_erased: boolean;
  owner_account_id: string | null;
  team_id: string | null;
  redirected_from_id: string | null;
  redirected_to_id: string | null;
  urgency: 'routine' | 'urgent' | 'emergency';
  shared_fields: string[];
  reason: unknown;
  snapshot: unknown;
  status: 'sent' | 'accepted' | 'declined' | 'redirected' | 'completed' | 'closed_no_outcome';
  decline_reason: unknown;
  outcome: unknown;
  due_at: Date | string;
  answered_at: Date | string | null;
  closed_at: Date | string | null;
  created_at: Date | string;
  version: number;
}

const SELECT = `SELECT r.id::text AS id, r.from_org_id::text AS from_org_id, fo.name AS from_org_name, r.to_org_id::text AS to_org_id, tor.name AS to_org_name,
    r.to_service_id::text AS to_service_id, s.name AS to_service_name, r.person_id::text AS person_id, r.consent_id::text AS consent_id,
    (c.withdrawn_at IS NOT NULL) AS consent_withdrawn, EXISTS (SELECT 1 FROM people ep WHERE ep.id = r.person_id AND ep.deleted_at IS NOT NULL) AS person_erased,
    r.owner_account_id::text AS owner_account_id, r.team_id::text AS team_id,
    r.redirected_from_id::text AS redirected_from_id, (SELECT n.id::text FROM referrals n WHERE n.redirected_from_id = r.id LIMIT 1) AS redirected_to_id,
    r.urgency, r.shared_fields, r.reason, r.snapshot, r.status, r.decline_reason, r.outcome, r.due_at, r.answered_at, r.closed_at, r.created_at, r.version
  FROM referrals r
  JOIN organisations fo ON fo.id = r.from_org_id
  JOIN organisations tor ON tor.id = r.to_org_id
  JOIN person_consents c ON c.id = r.consent_id
  LEFT JOIN hsds_services s ON s.id = r.to_service_id`;

export interface NewReferral {
  fromOrgId: string;
  toOrgId: string;
  toServiceId: string | null;
  personId: string;
  consentId: string;
  ownerAccountId: string | null;
  teamId: string | null;
  createdBy: string;
  redirectedFromId: string | null;
  urgency: string;
  sharedFields: readonly string[];
  reason: Buffer;
  snapshot: Buffer;
  dueAt: Date;
  at: Date;
}

export async function insertReferral(tx: Queryable, r: NewReferral): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO referrals (from_org_id, to_org_id, to_service_id, person_id, consent_id, owner_account_id, team_id, created_by, redirected_from_id,
       urgency, shared_fields, reason, snapshot, due_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13, $14, $15, $15) RETURNING id::text AS id`,
    [
      r.fromOrgId,
      r.toOrgId,
      r.toServiceId,
      r.personId,
      r.consentId,
      r.ownerAccountId,
      r.teamId,
      r.createdBy,
      r.redirectedFromId,
      r.urgency,
      r.sharedFields,
      r.reason,
      r.snapshot,
      r.dueAt,
      r.at,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function findReferral(db: Queryable, id: string): Promise<ReferralRow | undefined> {
  return (await db.query<ReferralRow>(`${SELECT} WHERE r.id = $1`, [id])).rows[0];
}

export interface ListFilter {
  orgId: string;
  direction: 'incoming' | 'outgoing';
  /** Outgoing lists follow the sender's scope; incoming ones are the organisation's intake. */
  scope: 'org' | 'team' | 'own';
  accountId: string;
  teamIds: readonly string[];
  status?: string | undefined;
  personId?: string | undefined;
  /** Open (sent or accepted) past their due time, or the others; computed in SQL so pages stay whole. */
  overdue?: { value: boolean; now: Date; openStatuses: readonly string[] } | undefined;
  /** Newest first, by page: the last row of the previous page. */
  after?: { createdAt: string; id: string } | undefined;
  /** A page of the list; absent for one person's referrals (export, timeline), which are read whole. */
  limit?: number | undefined;
}

export async function listReferrals(db: Queryable, f: ListFilter): Promise<ReferralRow[]> {
  const params: unknown[] = [f.orgId];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [f.direction === 'incoming' ? 'r.to_org_id = $1' : 'r.from_org_id = $1'];
  if (f.direction === 'outgoing' && f.scope === 'own') where.push(`r.owner_account_id = ${add(f.accountId)}`);
  if (f.direction === 'outgoing' && f.scope === 'team')
    where.push(`(r.owner_account_id = ${add(f.accountId)} OR r.team_id = ANY(${add(f.teamIds)}::uuid[]))`);
  if (f.status) where.push(`r.status = ${add(f.status)}`);
  if (f.personId && f.direction === 'outgoing') where.push(`r.person_id = ${add(f.personId)}`);
  if (f.overdue) {
    const overdue = `(r.status = ANY(${add(f.overdue.openStatuses)}::text[]) AND r.due_at < ${add(f.overdue.now)})`;
    where.push(f.overdue.value ? overdue : `NOT ${overdue}`);
  }
  if (f.after) where.push(`(r.created_at, r.id) < (${add(f.after.createdAt)}::timestamptz, ${add(f.after.id)}::uuid)`);
  return (
    await db.query<ReferralRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC${f.limit ? ` LIMIT ${add(f.limit)}` : ''}`,
      params,
    )
  ).rows;
}

export interface HistoryRow {
  referral_id: string;
  status: ReferralRow['status'];
  changed_at: Date | string;
  changed_by_org_id: string | null;
}

export async function listHistory(db: Queryable, ids: readonly string[]): Promise<HistoryRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<HistoryRow>(
    `SELECT referral_id::text AS referral_id, status, changed_at, changed_by_org_id::text AS changed_by_org_id
       FROM referral_status_history WHERE referral_id = ANY($1::uuid[])
      ORDER BY changed_at, CASE status WHEN 'sent' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END, id`,
    [ids],
  );
  return rows;
}

export async function insertHistory(
  tx: Queryable,
  h: { referralId: string; status: string; by: string; byOrgId: string; at: Date },
): Promise<void> {
  await tx.query(
    'INSERT INTO referral_status_history (referral_id, status, changed_by, changed_by_org_id, changed_at) VALUES ($1, $2, $3, $4, $5)',
    [h.referralId, h.status, h.by, h.byOrgId, h.at],
  );
}

export interface StatusChange {
  status: ReferralRow['status'];
  at: Date;
  dueAt?: Date;
  answered?: boolean;
  closed?: boolean;
  declineReason?: Buffer;
  outcome?: Buffer;
  /** Erase the receiver's snapshot (declined, redirected: the receiver no longer needs it). */
  eraseSnapshot?: boolean;
}

/** Moves a referral from one of `from` to a new status; false when someone changed it first. */
export async function changeStatus(
  tx: Queryable,
  id: string,
  from: readonly string[],
  c: StatusChange,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE referrals SET status = $3, updated_at = $4, version = version + 1,
       due_at = coalesce($5, due_at),
       answered_at = CASE WHEN $6::boolean THEN $4 ELSE answered_at END,
       closed_at = CASE WHEN $7::boolean THEN $4 ELSE closed_at END,
       decline_reason = coalesce($8, decline_reason),
       outcome = coalesce($9, outcome),
       snapshot = CASE WHEN $10::boolean THEN NULL ELSE snapshot END
     WHERE id = $1 AND status = ANY($2::text[])`,
    [
      id,
      from,
      c.status,
      c.at,
      c.dueAt ?? null,
      c.answered ?? false,
      c.closed ?? false,
      c.declineReason ?? null,
      c.outcome ?? null,
      c.eraseSnapshot ?? false,
    ],
  );
  return rowCount > 0;
}

/** The person's standing referral consent (the latest one not withdrawn). */
export async function activeReferralConsent(db: Queryable, personId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id::text AS id FROM person_consents WHERE person_id = $1 AND purpose = 'referral' AND withdrawn_at IS NULL ORDER BY recorded_at DESC, id LIMIT 1",
    [personId],
  );
  return rows[0]?.id;
}

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM organisations WHERE id = $1', [id])).rows.length > 0;
}

export async function receivingService(
  db: Queryable,
  id: string,
): Promise<{ id: string; owner_org_id: string; accepts_referrals: boolean } | undefined> {
  const { rows } = await db.query<{ id: string; owner_org_id: string; accepts_referrals: boolean }>(
    "SELECT id::text AS id, owner_org_id::text AS owner_org_id, accepts_referrals FROM hsds_services WHERE id = $1 AND deleted_at IS NULL AND status IN ('active', 'temporarily closed')",
    [id],
  );
  return rows[0];
}

/** In-app notification (table from migration 0004): references only, never personal data. */
export async function notify(
  tx: Queryable,
  n: { accountId: string; orgId: string; kind: string; referralId: string; at: Date },
): Promise<void> {
  await addNotification(tx, {
    accountId: n.accountId,
    orgId: n.orgId,
    kind: n.kind,
    recordType: 'referral',
    recordId: n.referralId,
    at: n.at,
  });
}

/**
 * The receiving organisation's intake hears of a new referral: the roles that answer referrals for
 * the whole organisation (admin, coordinator). The notification holds the referral's id only.
 */
export async function notifyReceiver(tx: Queryable, referral: { id: string; toOrgId: string }): Promise<void> {
  await notifyRoles(tx, {
    orgId: referral.toOrgId,
    roles: ['admin', 'coordinator'],
    kind: 'referral.received',
    recordType: 'referral',
    recordId: referral.id,
  });
}
