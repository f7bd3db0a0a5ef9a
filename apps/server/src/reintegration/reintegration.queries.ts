// SQL of returnee receptions, needs assessments, plan links and follow-ups. Names of people are
// read encrypted (the service decrypts them for rows the actor may see).
import type { Queryable } from '../kernel/db/database.ts';
import { addNotification } from '../notifications/notify.ts';

export interface ReceptionRow {
  id: string;
  org_id: string;
  person_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  received_on: string;
  arrival_mode: 'air' | 'land' | 'sea';
  port_of_entry: string | null;
  port_of_entry_enc: unknown;
  returned_from: string;
  returning_authority: 'ice' | 'cbp' | 'inm' | 'other_state' | 'voluntary' | 'other';
  family_left_behind: unknown;
  belongings_retained: unknown;
  documents_retained: unknown;
  notes: unknown;
  staying_place: unknown;
  version: number;
  given_names: unknown;
  surnames: unknown;
}

const RECEPTION = `r.id::text AS id, r.org_id::text AS org_id, r.person_id::text AS person_id, r.owner_account_id::text AS owner_account_id,
  r.team_id::text AS team_id, r.received_on::text AS received_on, r.arrival_mode, r.port_of_entry, r.port_of_entry_enc, trim(r.returned_from) AS returned_from,
  r.returning_authority, r.family_left_behind, r.belongings_retained, r.documents_retained, r.notes, r.staying_place, r.version, p.given_names, p.surnames`;

export async function insertReception(
  tx: Queryable,
  v: {
    id: string;
    orgId: string;
    personId: string;
    ownerAccountId: string;
    teamId: string | null;
    receivedOn: string;
    arrivalMode: string;
    portOfEntry: Buffer;
    returnedFrom: string;
    authority: string;
    sealed: Record<
      'family_left_behind' | 'belongings_retained' | 'documents_retained' | 'notes' | 'staying_place',
      Buffer | null
    >;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO reintegration_receptions (id, org_id, person_id, owner_account_id, team_id, received_on, arrival_mode, port_of_entry_enc, returned_from,
       returning_authority, family_left_behind, belongings_retained, documents_retained, notes, created_by, created_at, staying_place)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      v.id,
      v.orgId,
      v.personId,
      v.ownerAccountId,
      v.teamId,
      v.receivedOn,
      v.arrivalMode,
      v.portOfEntry,
      v.returnedFrom,
      v.authority,
      v.sealed.family_left_behind,
      v.sealed.belongings_retained,
      v.sealed.documents_retained,
      v.sealed.notes,
      v.by,
      v.at,
      v.sealed.staying_place,
    ],
  );
}

export async function findReception(db: Queryable, id: string): Promise<ReceptionRow | undefined> {
  const { rows } = await db.query<ReceptionRow>(
    `SELECT ${RECEPTION} FROM reintegration_receptions r JOIN people p ON p.id = r.person_id WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

export interface Scope {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

function scopeWhere(s: Scope, params: unknown[], alias = 'r'): string {
  params.push(s.orgId);
  const org = `${alias}.org_id = $${params.length}`;
  if (s.scope === 'org') return org;
  params.push(s.accountId);
  const own = `${alias}.owner_account_id = $${params.length}`;
  if (s.scope === 'own') return `${org} AND ${own}`;
  params.push(s.teamIds);
  return `${org} AND (${own} OR ${alias}.team_id = ANY($${params.length}::uuid[]))`;
}

export interface ReceptionListRow extends ReceptionRow {
  assessed: boolean;
  next_follow_up: string | null;
}

export async function listReceptions(
  db: Queryable,
  s: Scope,
  f: { personId?: string | undefined; after: { on: string; id: string } | null; limit: number },
): Promise<ReceptionListRow[]> {
  const params: unknown[] = [];
  const where = [scopeWhere(s, params)];
  if (f.personId) {
    params.push(f.personId);
    where.push(`r.person_id = $${params.length}`);
  }
  if (f.after) {
    params.push(f.after.on, f.after.id);
    where.push(`(r.received_on, r.id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const { rows } = await db.query<ReceptionListRow>(
    `SELECT ${RECEPTION}, EXISTS (SELECT 1 FROM reintegration_assessments a WHERE a.reception_id = r.id) AS assessed,
       (SELECT min(fu.due_on)::text FROM reintegration_follow_ups fu WHERE fu.reception_id = r.id AND fu.done_on IS NULL) AS next_follow_up
     FROM reintegration_receptions r JOIN people p ON p.id = r.person_id
     WHERE ${where.join(' AND ')} ORDER BY r.received_on DESC, r.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function findAssessment(
  db: Queryable,
  receptionId: string,
): Promise<{ assessed_on: string; needs: unknown } | undefined> {
  const { rows } = await db.query<{ assessed_on: string; needs: unknown }>(
    'SELECT assessed_on::text AS assessed_on, needs FROM reintegration_assessments WHERE reception_id = $1',
    [receptionId],
  );
  return rows[0];
}

export async function upsertAssessment(
  tx: Queryable,
  v: { receptionId: string; orgId: string; assessedOn: string; needs: Buffer; by: string; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO reintegration_assessments (reception_id, org_id, assessed_on, needs, assessed_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (reception_id) DO UPDATE SET assessed_on = EXCLUDED.assessed_on, needs = EXCLUDED.needs, assessed_by = EXCLUDED.assessed_by, updated_at = EXCLUDED.updated_at`,
    [v.receptionId, v.orgId, v.assessedOn, v.needs, v.by, v.at],
  );
}

/** Follow-ups at each milestone from the assessment date; a re-assessment moves those not yet done. */
export async function planFollowUps(
  tx: Queryable,
  v: { receptionId: string; orgId: string; assessedOn: string; milestones: readonly number[] },
): Promise<void> {
  for (const m of v.milestones) {
    await tx.query(
      `INSERT INTO reintegration_follow_ups (reception_id, org_id, milestone, due_on) VALUES ($1, $2, $3, $4::date + $3::int)
       ON CONFLICT (reception_id, milestone) DO UPDATE SET due_on = EXCLUDED.due_on WHERE reintegration_follow_ups.done_on IS NULL`,
      [v.receptionId, v.orgId, m, v.assessedOn],
    );
  }
}

export async function bumpReception(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE reintegration_receptions SET version = version + 1 WHERE id = $1', [id]);
}

export async function linkReferral(
  tx: Queryable,
  receptionId: string,
  referralId: string,
  area: string,
  at: Date,
): Promise<void> {
  await tx.query(
    'INSERT INTO reintegration_plan_referrals (reception_id, referral_id, area, created_at) VALUES ($1, $2, $3, $4)',
    [receptionId, referralId, area, at],
  );
}

export async function planLinks(db: Queryable, receptionId: string): Promise<{ referral_id: string; area: string }[]> {
  const { rows } = await db.query<{ referral_id: string; area: string }>(
    'SELECT referral_id::text AS referral_id, area FROM reintegration_plan_referrals WHERE reception_id = $1 ORDER BY created_at, referral_id',
    [receptionId],
  );
  return rows;
}

export interface FollowUpRow {
  id: string;
  reception_id: string;
  org_id: string;
  milestone: number;
  due_on: string;
  done_on: string | null;
  outcome: string | null;
  note: unknown;
}
const FOLLOW_UP = `f.id::text AS id, f.reception_id::text AS reception_id, f.org_id::text AS org_id, f.milestone, f.due_on::text AS due_on,
  f.done_on::text AS done_on, f.outcome, f.note`;

export async function followUpsOf(db: Queryable, receptionId: string): Promise<FollowUpRow[]> {
  const { rows } = await db.query<FollowUpRow>(
    `SELECT ${FOLLOW_UP} FROM reintegration_follow_ups f WHERE f.reception_id = $1 ORDER BY f.milestone`,
    [receptionId],
  );
  return rows;
}

export async function findFollowUp(db: Queryable, id: string): Promise<FollowUpRow | undefined> {
  const { rows } = await db.query<FollowUpRow>(`SELECT ${FOLLOW_UP} FROM reintegration_follow_ups f WHERE f.id = $1`, [
    id,
  ]);
  return rows[0];
}

export async function recordFollowUp(
  tx: Queryable,
  v: { id: string; doneOn: string; outcome: string; note: Buffer | null; by: string },
): Promise<void> {
  await tx.query(
    'UPDATE reintegration_follow_ups SET done_on = $2, outcome = $3, note = $4, done_by = $5 WHERE id = $1',
    [v.id, v.doneOn, v.outcome, v.note, v.by],
  );
}

export interface FollowUpListRow extends FollowUpRow {
  person_id: string;
  given_names: unknown;
  surnames: unknown;
}

/**
 * The follow-ups the actor's scope reaches: open (by due date), overdue, or done (latest first), a
 * page at a time by keyset (`after`: the day and id of the previous page's last row).
 */
export async function listFollowUps(
  db: Queryable,
  s: Scope,
  f: {
    status: 'open' | 'overdue' | 'done';
    today: string;
    limit: number;
    after?: { on: string; id: string } | null | undefined;
  },
): Promise<FollowUpListRow[]> {
  const params: unknown[] = [];
  const where = [scopeWhere(s, params)];
  if (f.status === 'done') where.push('f.done_on IS NOT NULL');
  else where.push('f.done_on IS NULL');
  if (f.status === 'overdue') {
    params.push(f.today);
    where.push(`f.due_on < $${params.length}::date`);
  }
  if (f.after) {
    params.push(f.after.on, f.after.id);
    const [on, id] = [`$${params.length - 1}::date`, `$${params.length}::uuid`];
    where.push(
      f.status === 'done'
        ? `(f.done_on < ${on} OR (f.done_on = ${on} AND f.id > ${id}))`
        : `(f.due_on > ${on} OR (f.due_on = ${on} AND f.id > ${id}))`,
    );
  }
  params.push(f.limit);
  const { rows } = await db.query<FollowUpListRow>(
    `SELECT ${FOLLOW_UP}, r.person_id::text AS person_id, p.given_names, p.surnames
       FROM reintegration_follow_ups f JOIN reintegration_receptions r ON r.id = f.reception_id JOIN people p ON p.id = r.person_id
      WHERE ${where.join(' AND ')} ORDER BY ${f.status === 'done' ? 'f.done_on DESC' : 'f.due_on'}, f.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

// Reminders -----------------------------------------------------------------------------------

export interface DueFollowUpRow {
  id: string;
  reception_id: string;
  org_id: string;
  due_on: string;
  owner_account_id: string;
  time_zone: string;
}

export async function openFollowUpsDueBetween(db: Queryable, from: string, to: string): Promise<DueFollowUpRow[]> {
  const { rows } = await db.query<DueFollowUpRow>(
    `SELECT f.id::text AS id, f.reception_id::text AS reception_id, f.org_id::text AS org_id, f.due_on::text AS due_on,
            r.owner_account_id::text AS owner_account_id, o.time_zone
       FROM reintegration_follow_ups f JOIN reintegration_receptions r ON r.id = f.reception_id JOIN organisations o ON o.id = f.org_id
      WHERE f.done_on IS NULL AND r.owner_account_id IS NOT NULL AND f.due_on BETWEEN $1::date AND $2::date
      ORDER BY f.due_on, f.id`,
    [from, to],
  );
  return rows;
}

/** Records the reminder once and creates its notification; false when already reminded in this window. */
export async function claimFollowUpReminder(
  tx: Queryable,
  r: { followUpId: string; receptionId: string; window: string; accountId: string; orgId: string; at: Date },
): Promise<string | null> {
  const claimed = await tx.query(
    `INSERT INTO reintegration_follow_up_reminders (follow_up_id, reminder_window, account_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING follow_up_id`,
    [r.followUpId, r.window, r.accountId, r.at],
  );
  if (claimed.rows.length === 0) return null;
  const id = await addNotification(tx, {
    accountId: r.accountId,
    orgId: r.orgId,
    kind: `reintegration.follow_up_${r.window}`,
    recordType: 'reintegration',
    recordId: r.receptionId,
    refId: r.followUpId,
    at: r.at,
  });
  await tx.query(
    'UPDATE reintegration_follow_up_reminders SET notification_id = $3 WHERE follow_up_id = $1 AND reminder_window = $2',
    [r.followUpId, r.window, id],
  );
  return id;
}
