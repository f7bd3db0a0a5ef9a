// SQL of link requests (migration 0060): insert, the recipient's open list, one request for an
// answer (locked), and the two answers.
import type { Queryable } from '../kernel/db/database.ts';

export interface LinkRequestRow {
  id: string;
  org_id: string;
  event_id: string;
  victim_id: string | null;
  requested_by: string;
  name_hint: unknown;
  note: unknown;
  recipients: string[];
  status: 'open' | 'linked' | 'declined';
  created_at: Date | string;
  resolved_at: Date | string | null;
}

const COLUMNS = `r.id::text AS id, r.org_id::text AS org_id, r.event_id::text AS event_id, r.victim_id::text AS victim_id,
  r.requested_by::text AS requested_by, r.name_hint, r.note, r.recipients::text[] AS recipients, r.status, r.created_at, r.resolved_at`;

export async function insertLinkRequest(
  tx: Queryable,
  r: {
    orgId: string;
    eventId: string;
    victimId: string;
    by: string;
    nameHint: Buffer;
    note: Buffer | null;
    recipients: string[];
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_link_requests (org_id, event_id, victim_id, requested_by, name_hint, note, recipients)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[]) RETURNING id::text AS id`,
    [r.orgId, r.eventId, r.victimId, r.by, r.nameHint, r.note, r.recipients],
  );
  return (rows[0] as { id: string }).id;
}

export async function eventLinkRequests(db: Queryable, eventId: string): Promise<LinkRequestRow[]> {
  const { rows } = await db.query<LinkRequestRow>(
    `SELECT ${COLUMNS} FROM incident_link_requests r WHERE r.event_id = $1 ORDER BY r.created_at, r.id`,
    [eventId],
  );
  return rows;
}

export interface IncomingRow extends LinkRequestRow {
  start_date: string;
  start_precision: string;
  country: string;
  state_code: string | null;
  municipality_code: string | null;
  act_types: string[];
  count: number | null;
  sex: string | null;
  age_group: string | null;
  requester_name: string | null;
}

/** Open requests addressed to the account in its active organisation, oldest first. */
export async function incomingLinkRequests(db: Queryable, orgId: string, accountId: string): Promise<IncomingRow[]> {
  const { rows } = await db.query<IncomingRow>(
    `SELECT ${COLUMNS}, e.start_date::text AS start_date, e.start_precision, e.country, e.state_code, e.municipality_code,
            coalesce((SELECT array_agg(DISTINCT a.act_type) FROM incident_acts a WHERE a.event_id = e.id), '{}') AS act_types,
            v.count, trim(v.sex) AS sex, v.age_group, acc.display_name AS requester_name
       FROM incident_link_requests r
       JOIN incident_events e ON e.id = r.event_id
       LEFT JOIN incident_victims v ON v.id = r.victim_id
       LEFT JOIN accounts acc ON acc.id = r.requested_by
      WHERE r.org_id = $1 AND r.status = 'open' AND $2::uuid = ANY(r.recipients)
      ORDER BY r.created_at, r.id`,
    [orgId, accountId],
  );
  return rows;
}

export async function lockLinkRequest(tx: Queryable, id: string): Promise<LinkRequestRow | undefined> {
  const { rows } = await tx.query<LinkRequestRow>(
    `SELECT ${COLUMNS} FROM incident_link_requests r WHERE r.id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function resolveLinkRequest(
  tx: Queryable,
  id: string,
  r: { status: 'linked' | 'declined'; by: string; personId: string | null; victimId?: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE incident_link_requests SET status = $2, resolved_by = $3, resolved_at = now(), person_id = $4,
            victim_id = coalesce($5::uuid, victim_id)
      WHERE id = $1`,
    [id, r.status, r.by, r.personId, r.victimId ?? null],
  );
}

export async function lockVictim(
  tx: Queryable,
  victimId: string,
): Promise<
  { id: string; event_id: string; person_id: string | null; count: number; sex: string; age_group: string } | undefined
> {
  const { rows } = await tx.query<{
    id: string;
    event_id: string;
    person_id: string | null;
    count: number;
    sex: string;
    age_group: string;
  }>(
    `SELECT id::text AS id, event_id::text AS event_id, person_id::text AS person_id, count, trim(sex) AS sex, age_group
       FROM incident_victims WHERE id = $1 FOR UPDATE`,
    [victimId],
  );
  return rows[0];
}

/** One of an anonymous count of several stops being anonymous: the count shrinks by one. */
export async function shrinkCount(tx: Queryable, victimId: string): Promise<void> {
  await tx.query('UPDATE incident_victims SET count = count - 1 WHERE id = $1 AND count > 1', [victimId]);
}

/** An anonymous victim counted alone becomes the person, with the consent recorded. */
export async function linkVictimRow(
  tx: Queryable,
  victimId: string,
  link: { personId: string; consent: string; by: string; sex: string; nationality: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE incident_victims SET person_id = $2, link_consent = $3, link_consent_by = $4, link_consent_at = now(),
            sex = $5, nationality = $6 WHERE id = $1`,
    [victimId, link.personId, link.consent, link.by, link.sex, link.nationality],
  );
}

/** Accounts of the organisation holding one of `roles` (the fallback recipients). */
export async function membersWithRoles(db: Queryable, orgId: string, roles: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ account_id: string }>(
    `SELECT DISTINCT m.account_id::text AS account_id FROM memberships m WHERE m.org_id = $1 AND m.role = ANY($2::text[])`,
    [orgId, [...roles]],
  );
  return rows.map((r) => r.account_id);
}
