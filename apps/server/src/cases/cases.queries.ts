// The SQL of the cases module. Note text, free-text tasks, attachment names and bytes, and
// reasons arrive here already encrypted; this file moves ciphertext and coarse facts. Lists join
// the person (nationality is in clear, names stay ciphertext) and filter by screening flag
// through the screenings' blind index: every filter is done here, in SQL.
import type { Queryable } from '../kernel/db/database.ts';

export interface CaseRow {
  id: string;
  org_id: string;
  person_id: string | null;
  household_id: string | null;
  status: 'open' | 'active' | 'on_hold' | 'closed';
  assigned_account_id: string | null;
  assigned_name: string | null;
  team_id: string | null;
  team_name: string | null;
  child_protection: boolean;
  opened_by: string | null;
  opened_at: Date | string;
  closed_at: Date | string | null;
  version: number;
}

const CASE_COLUMNS = `c.id::text AS id, c.org_id::text AS org_id, c.person_id::text AS person_id, c.household_id::text AS household_id, c.status,
  c.assigned_account_id::text AS assigned_account_id, a.display_name AS assigned_name, c.team_id::text AS team_id, t.name AS team_name,
  c.child_protection, c.opened_by::text AS opened_by, c.opened_at, c.closed_at, c.version`;
const CASE_FROM = `cases c LEFT JOIN accounts a ON a.id = c.assigned_account_id LEFT JOIN teams t ON t.id = c.team_id`;

export async function findCase(db: Queryable, id: string): Promise<CaseRow | undefined> {
  return (await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1`, [id])).rows[0];
}

export async function insertCase(
  tx: Queryable,
  c: {
    id: string;
    orgId: string;
    personId: string | null;
    householdId: string | null;
    assignedAccountId: string | null;
    teamId: string | null;
    childProtection: boolean;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, org_id, person_id, household_id, assigned_account_id, team_id, child_protection, opened_by, opened_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [c.id, c.orgId, c.personId, c.householdId, c.assignedAccountId, c.teamId, c.childProtection, c.by, c.at],
  );
}

export type HeaderChange = Partial<{
  status: string;
  assigned_account_id: string | null;
  team_id: string | null;
  closed_at: Date | null;
}>;

/** Applies a change to the case header if it is still at `version`; the new version, or null when stale. */
export async function updateCaseHeader(
  tx: Queryable,
  id: string,
  version: number,
  at: Date,
  change: HeaderChange,
): Promise<number | null> {
  const params: unknown[] = [id, version, at];
  const sets = Object.entries(change).map(([column, value]) => {
    params.push(value);
    return `${column} = $${params.length}`;
  });
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE cases SET ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')} WHERE id = $1 AND version = $2 RETURNING version`,
    params,
  );
  return rows[0] ? Number(rows[0].version) : null;
}

export interface NewEvent {
  caseId: string;
  orgId: string;
  kind: string;
  actor: string | null;
  at: Date;
  refId?: string | null;
  data?: Record<string, string>;
  fields?: readonly string[];
  version?: number | null;
  reason?: Buffer | null;
}

export async function insertEvent(tx: Queryable, e: NewEvent): Promise<void> {
  await tx.query(
    `INSERT INTO case_events (case_id, org_id, kind, actor_account_id, at, ref_id, data, fields, version, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::text[], $9, $10)`,
    [
      e.caseId,
      e.orgId,
      e.kind,
      e.actor,
      e.at,
      e.refId ?? null,
      JSON.stringify(e.data ?? {}),
      [...(e.fields ?? [])],
      e.version ?? null,
      e.reason ?? null,
    ],
  );
}

export interface EventRow {
  id: string;
  kind: string;
  actor_name: string | null;
  at: Date | string;
  ref_id: string | null;
  data: Record<string, string>;
  reason: unknown;
}

export async function listEvents(db: Queryable, caseId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT e.id::text AS id, e.kind, a.display_name AS actor_name, e.at, e.ref_id::text AS ref_id, e.data, e.reason
       FROM case_events e LEFT JOIN accounts a ON a.id = e.actor_account_id WHERE e.case_id = $1 ORDER BY e.at, e.id`,
    [caseId],
  );
  return rows.map((r) => ({
    ...r,
    data: typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, string>) : r.data,
  }));
}

/** Header fields changed by edits that produced a version after `version`, for the conflict message. */
export async function fieldsChangedSince(db: Queryable, caseId: string, version: number): Promise<string[]> {
  const { rows } = await db.query<{ fields: string[] }>(
    'SELECT fields FROM case_events WHERE case_id = $1 AND version > $2 ORDER BY id',
    [caseId, version],
  );
  return [...new Set(rows.flatMap((r) => r.fields))];
}

// ---- plan tasks ----

export interface TaskRow {
  id: string;
  case_id: string;
  task_key: string | null;
  description: unknown;
  source: 'manual' | 'best_interests' | 'screening';
  owner_account_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  done: boolean;
  completed_at: Date | string | null;
  created_at: Date | string;
  version: number;
}

export async function listTasks(db: Queryable, caseId: string): Promise<TaskRow[]> {
  const { rows } = await db.query<TaskRow>(
    `SELECT k.id::text AS id, k.case_id::text AS case_id, k.task_key, k.description, k.source, k.owner_account_id::text AS owner_account_id,
        a.display_name AS owner_name, to_char(k.due_on, 'YYYY-MM-DD') AS due_on, k.done, k.completed_at, k.created_at, k.version
       FROM case_tasks k LEFT JOIN accounts a ON a.id = k.owner_account_id
      WHERE k.case_id = $1 ORDER BY k.position, k.created_at, k.id`,
    [caseId],
  );
  return rows;
}

export interface NewTask {
  caseId: string;
  orgId: string;
  key: string | null;
  description: Buffer | null;
  source: TaskRow['source'];
  ownerAccountId: string | null;
  dueOn: string | null;
  by: string;
  at: Date;
}

export async function insertTask(tx: Queryable, t: NewTask): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO case_tasks (case_id, org_id, task_key, description, source, owner_account_id, due_on, created_by, created_at, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, (SELECT coalesce(max(position), 0) + 1 FROM case_tasks WHERE case_id = $1)) RETURNING id::text AS id`,
    [t.caseId, t.orgId, t.key, t.description, t.source, t.ownerAccountId, t.dueOn, t.by, t.at],
  );
  return (rows[0] as { id: string }).id;
}

export type TaskChange = Partial<{
  done: boolean;
  completed_at: Date | null;
  completed_by: string | null;
  owner_account_id: string | null;
  due_on: string | null;
}>;

export async function updateTask(
  tx: Queryable,
  caseId: string,
  id: string,
  version: number,
  change: TaskChange,
): Promise<number | null> {
  const params: unknown[] = [caseId, id, version];
  const sets = Object.entries(change).map(([column, value]) => {
    params.push(value);
    return `${column} = $${params.length}${column === 'due_on' ? '::date' : ''}`;
  });
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE case_tasks SET ${[...sets, 'version = version + 1'].join(', ')} WHERE case_id = $1 AND id = $2 AND version = $3 RETURNING version`,
    params,
  );
  return rows[0] ? Number(rows[0].version) : null;
}

// ---- notes ----

export interface NoteRow {
  id: string;
  body: unknown;
  created_by: string | null;
  author_name: string | null;
  created_at: Date | string;
}

export async function insertNote(
  tx: Queryable,
  n: { caseId: string; orgId: string; body: Buffer; by: string; at: Date },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO case_notes (case_id, org_id, body, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id',
    [n.caseId, n.orgId, n.body, n.by, n.at],
  );
  return (rows[0] as { id: string }).id;
}

export async function listNotes(db: Queryable, caseId: string): Promise<NoteRow[]> {
  const { rows } = await db.query<NoteRow>(
    `SELECT n.id::text AS id, n.body, n.created_by::text AS created_by, a.display_name AS author_name, n.created_at
       FROM case_notes n LEFT JOIN accounts a ON a.id = n.created_by WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id DESC`,
    [caseId],
  );
  return rows;
}

// ---- attachments ----

export interface AttachmentRow {
  id: string;
  org_id: string;
  original_name: unknown;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Date | string;
}
const ATTACHMENT_COLUMNS = `id::text AS id, org_id::text AS org_id, original_name, content_type, size_bytes::int AS size_bytes, sha256, uploaded_by::text AS uploaded_by, uploaded_at`;

export async function insertAttachment(
  tx: Queryable,
  f: {
    caseId: string;
    orgId: string;
    name: Buffer;
    contentType: string;
    size: number;
    sha256: string;
    content: Buffer;
    by: string;
    at: Date;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO case_attachments (case_id, org_id, original_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
    [f.caseId, f.orgId, f.name, f.contentType, f.size, f.sha256, f.content, f.by, f.at],
  );
  return (rows[0] as { id: string }).id;
}

export async function listAttachments(db: Queryable, caseId: string): Promise<AttachmentRow[]> {
  return (
    await db.query<AttachmentRow>(
      `SELECT ${ATTACHMENT_COLUMNS} FROM case_attachments WHERE case_id = $1 ORDER BY uploaded_at, id`,
      [caseId],
    )
  ).rows;
}

export async function findAttachment(
  db: Queryable,
  caseId: string,
  id: string,
): Promise<(AttachmentRow & { content: unknown }) | undefined> {
  return (
    await db.query<AttachmentRow & { content: unknown }>(
      `SELECT ${ATTACHMENT_COLUMNS}, content FROM case_attachments WHERE case_id = $1 AND id = $2`,
      [caseId, id],
    )
  ).rows[0];
}

// ---- who may hold a case ----

export async function accountInOrg(db: Queryable, accountId: string, orgId: string): Promise<boolean> {
  return (
    (await db.query('SELECT 1 FROM memberships WHERE account_id = $1 AND org_id = $2', [accountId, orgId])).rows
      .length > 0
  );
}

export async function teamInOrg(db: Queryable, teamId: string, orgId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM teams WHERE id = $1 AND org_id = $2', [teamId, orgId])).rows.length > 0;
}

/** The organisation of a household (no households module exports this yet). */
export async function householdOrg(db: Queryable, householdId: string): Promise<string | undefined> {
  return (
    await db.query<{ org_id: string }>('SELECT org_id::text AS org_id FROM households WHERE id = $1', [householdId])
  ).rows[0]?.org_id;
}

export async function assignees(db: Queryable, orgId: string) {
  const accounts = await db.query<{ id: string; name: string; role: string }>(
    `SELECT a.id::text AS id, a.display_name AS name, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.org_id = $1 AND m.role IN ('admin', 'coordinator', 'caseworker', 'lawyer') ORDER BY a.display_name, a.id`,
    [orgId],
  );
  const teams = await db.query<{ id: string; name: string }>(
    'SELECT id::text AS id, name FROM teams WHERE org_id = $1 ORDER BY name, id',
    [orgId],
  );
  return { accounts: accounts.rows, teams: teams.rows };
}

// ---- lists ----

export interface CaseListScope {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

export interface CaseListFilters {
  status?: string | undefined;
  assignedTo?: string | undefined;
  teamId?: string | undefined;
  /** Blind-index key of a screening flag. */
  flagKey?: string | undefined;
  nationality?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  personId?: string | undefined;
  /** Candidates of a name search (people ids). */
  personIds?: readonly string[] | undefined;
}

export interface CaseListRow extends CaseRow {
  given_names: unknown;
  surnames: unknown;
  nationality: string | null;
  open_tasks: number;
  overdue_tasks: number;
}

/** Newest first, keyset-paginated on (opened_at, id); the scope is the policy's, in SQL. */
export async function listCases(
  db: Queryable,
  s: CaseListScope,
  f: CaseListFilters,
  today: string,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<CaseListRow[]> {
  const params: unknown[] = [s.orgId, today];
  const add = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const where = ['c.org_id = $1'];
  if (s.scope === 'own') where.push(`c.assigned_account_id = ${add(s.accountId)}`);
  if (s.scope === 'team')
    where.push(`(c.assigned_account_id = ${add(s.accountId)} OR c.team_id = ANY(${add(s.teamIds, '::uuid[]')}))`);
  if (f.status) where.push(`c.status = ${add(f.status)}`);
  if (f.assignedTo) where.push(`c.assigned_account_id = ${add(f.assignedTo)}`);
  if (f.teamId) where.push(`c.team_id = ${add(f.teamId)}`);
  if (f.nationality) where.push(`p.nationality = ${add(f.nationality)}`);
  if (f.openedFrom) where.push(`c.opened_at >= ${add(f.openedFrom, '::date')}`);
  if (f.openedTo) where.push(`c.opened_at < ${add(f.openedTo, '::date')} + 1`);
  if (f.personId) where.push(`c.person_id = ${add(f.personId)}`);
  if (f.personIds) where.push(`c.person_id = ANY(${add(f.personIds, '::uuid[]')})`);
  if (f.flagKey)
    where.push(
      `EXISTS (SELECT 1 FROM screenings s WHERE s.person_id = c.person_id AND s.org_id = c.org_id AND s.flag_bi @> ${add([f.flagKey], '::text[]')})`,
    );
  if (after) where.push(`(c.opened_at, c.id) < (${add(after.at, '::timestamptz')}, ${add(after.id, '::uuid')})`);
  const { rows } = await db.query<CaseListRow>(
    `SELECT ${CASE_COLUMNS}, p.given_names, p.surnames, p.nationality,
        (SELECT count(*) FROM case_tasks k WHERE k.case_id = c.id AND NOT k.done)::int AS open_tasks,
        (SELECT count(*) FROM case_tasks k WHERE k.case_id = c.id AND NOT k.done AND k.due_on < $2::date)::int AS overdue_tasks
       FROM ${CASE_FROM} LEFT JOIN people p ON p.id = c.person_id
      WHERE ${where.join(' AND ')}
      ORDER BY c.opened_at DESC, c.id DESC LIMIT ${add(limit)}`,
    params,
  );
  return rows;
}
