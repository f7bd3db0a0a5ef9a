// SQL of the procedures module.
import type { Queryable } from '../kernel/db/database.ts';

export interface ProcedureRow {
  id: string;
  org_id: string;
  person_id: string;
  type: string;
  type_version: number;
  stage: string;
  owner_account_id: string | null;
  team_id: string | null;
  version: number;
  created_at: Date;
  closed_at: Date | null;
}

export interface StepRow {
  procedure_id: string;
  step_key: string;
  rule_id: string | null;
  rule_version: number | null;
  calendar_id: string | null;
  trigger_value: string;
  window_opens: string | null;
  window_closes: string | null;
  due_date: string | null;
  due_instant: Date | null;
  explanation_es: string | null;
  explanation_en: string | null;
  legal_basis: string | null;
  needs_legal_review: boolean;
  details: Record<string, string> | null;
  completed_on: string | null;
  previous_due_date: string | null;
  change_note: string | null;
}

const PROCEDURE_COLUMNS = `id::text AS id, org_id::text AS org_id, person_id::text AS person_id, type, type_version, stage,
  owner_account_id::text AS owner_account_id, team_id::text AS team_id, version, created_at, closed_at`;
const STEP_COLUMNS = `procedure_id::text AS procedure_id, step_key, rule_id, rule_version, calendar_id, trigger_value, window_opens,
  window_closes, due_date, due_instant, explanation_es, explanation_en, legal_basis, needs_legal_review, details, completed_on,
  previous_due_date, change_note`;

export async function insertProcedure(
  tx: Queryable,
  p: {
    orgId: string;
    personId: string;
    type: string;
    typeVersion: number;
    stage: string;
    ownerAccountId: string;
    teamId: string | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO procedures (org_id, person_id, type, type_version, stage, owner_account_id, team_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
    [p.orgId, p.personId, p.type, p.typeVersion, p.stage, p.ownerAccountId, p.teamId],
  );
  return (rows[0] as { id: string }).id;
}

export async function findProcedure(db: Queryable, id: string): Promise<ProcedureRow | undefined> {
  const { rows } = await db.query<ProcedureRow>(`SELECT ${PROCEDURE_COLUMNS} FROM procedures WHERE id = $1`, [id]);
  return rows[0];
}

export async function listProceduresOfPerson(db: Queryable, personId: string): Promise<ProcedureRow[]> {
  const { rows } = await db.query<ProcedureRow>(
    `SELECT ${PROCEDURE_COLUMNS} FROM procedures WHERE person_id = $1 ORDER BY created_at`,
    [personId],
  );
  return rows;
}

export async function listSteps(db: Queryable, procedureIds: readonly string[]): Promise<StepRow[]> {
  if (procedureIds.length === 0) return [];
  const { rows } = await db.query<StepRow>(
    `SELECT ${STEP_COLUMNS} FROM procedure_steps WHERE procedure_id = ANY($1::uuid[])`,
    [procedureIds],
  );
  return rows;
}

export interface StepWrite {
  procedureId: string;
  orgId: string;
  stepKey: string;
  ruleId: string | null;
  ruleVersion: number | null;
  calendarId: string | null;
  trigger: string;
  window: { opens: string; closes: string } | null;
  dueDate: string | null;
  dueInstant: string | null;
  explanation: { es: string; en: string } | null;
  legalBasis: string | null;
  needsLegalReview: boolean;
  details: Record<string, string> | null;
}

export async function upsertStep(tx: Queryable, s: StepWrite): Promise<void> {
  await tx.query(
    `INSERT INTO procedure_steps (procedure_id, step_key, org_id, rule_id, rule_version, calendar_id, trigger_value, window_opens, window_closes,
                                  due_date, due_instant, explanation_es, explanation_en, legal_basis, needs_legal_review, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (procedure_id, step_key) DO UPDATE SET
       rule_id = EXCLUDED.rule_id, rule_version = EXCLUDED.rule_version, calendar_id = EXCLUDED.calendar_id,
       trigger_value = EXCLUDED.trigger_value, window_opens = EXCLUDED.window_opens, window_closes = EXCLUDED.window_closes,
       due_date = EXCLUDED.due_date, due_instant = EXCLUDED.due_instant, explanation_es = EXCLUDED.explanation_es,
       explanation_en = EXCLUDED.explanation_en, legal_basis = EXCLUDED.legal_basis, needs_legal_review = EXCLUDED.needs_legal_review,
       details = EXCLUDED.details, completed_on = NULL, previous_due_date = NULL, change_note = NULL, updated_at = now()`,
    [
      s.procedureId,
      s.stepKey,
      s.orgId,
      s.ruleId,
      s.ruleVersion,
      s.calendarId,
      s.trigger,
      s.window?.opens ?? null,
      s.window?.closes ?? null,
      s.dueDate,
      s.dueInstant,
      s.explanation?.es ?? null,
      s.explanation?.en ?? null,
      s.legalBasis,
      s.needsLegalReview,
      s.details ? JSON.stringify(s.details) : null,
    ],
  );
}

export async function completeStep(
  tx: Queryable,
  procedureId: string,
  stepKey: string,
  completedOn: string,
): Promise<number> {
  return (
    await tx.query(
      'UPDATE procedure_steps SET completed_on = $3, updated_at = now() WHERE procedure_id = $1 AND step_key = $2',
      [procedureId, stepKey, completedOn],
    )
  ).rowCount;
}

export async function changeStage(
  tx: Queryable,
  id: string,
  version: number,
  stage: string,
  closed: boolean,
): Promise<number> {
  return (
    await tx.query(
      `UPDATE procedures SET stage = $3, version = version + 1, updated_at = now(),
              closed_at = CASE WHEN $4::boolean THEN coalesce(closed_at, now()) ELSE NULL END
        WHERE id = $1 AND version = $2`,
      [id, version, stage, closed],
    )
  ).rowCount;
}

export interface AgendaRow extends StepRow {
  type: string;
  type_version: number;
  person_id: string;
}

/** Rows per statement when reading every open step (the agenda and the overview count them all). */
export const OPEN_STEPS_BATCH = 2000;

/**
 * Every open step with a due date in an organisation, optionally narrowed to an owner or teams (SQL
 * scope), due date first. Read in batches by key (due date, procedure, step), so that an organisation
 * with more open steps than one batch is counted whole instead of cut off silently.
 */
export async function openStepsForAgenda(
  db: Queryable,
  orgId: string,
  scope: { ownerId?: string; teamIds?: readonly string[] },
  batch = OPEN_STEPS_BATCH,
): Promise<AgendaRow[]> {
  const all: AgendaRow[] = [];
  let after: AgendaRow | undefined;
  for (;;) {
    const { rows } = await db.query<AgendaRow>(
      `SELECT ${STEP_COLUMNS.replace(/procedure_id::text/, 's.procedure_id::text')}, p.type, p.type_version, p.person_id::text AS person_id
         FROM procedure_steps s JOIN procedures p ON p.id = s.procedure_id
        WHERE s.org_id = $1 AND s.completed_on IS NULL AND s.due_date IS NOT NULL AND p.closed_at IS NULL
          AND ($2::uuid IS NULL OR p.owner_account_id = $2::uuid)
          AND ($3::uuid[] IS NULL OR p.team_id = ANY($3::uuid[]) OR p.owner_account_id = $4::uuid)
          AND ($5::date IS NULL OR (s.due_date, s.procedure_id, s.step_key) > ($5::date, $6::uuid, $7::text))
        ORDER BY s.due_date, s.procedure_id, s.step_key
        LIMIT $8`,
      [
        orgId,
        scope.ownerId ?? null,
        scope.teamIds ?? null,
        scope.ownerId ?? null,
        after?.due_date ?? null,
        after?.procedure_id ?? null,
        after?.step_key ?? null,
        batch,
      ],
    );
    all.push(...rows);
    if (rows.length < batch) return all;
    after = rows[rows.length - 1];
  }
}

export async function openStepsOnCalendar(db: Queryable, calendarId: string): Promise<StepRow[]> {
  const { rows } = await db.query<StepRow>(
    `SELECT ${STEP_COLUMNS} FROM procedure_steps WHERE calendar_id = $1 AND completed_on IS NULL AND rule_id IS NOT NULL`,
    [calendarId],
  );
  return rows;
}

export async function recordRecomputedDue(
  tx: Queryable,
  s: StepRow,
  dueDate: string | null,
  explanation: { es: string; en: string },
  note: string,
): Promise<void> {
  await tx.query(
    `UPDATE procedure_steps SET previous_due_date = due_date, due_date = $3, explanation_es = $4, explanation_en = $5, change_note = $6, updated_at = now()
      WHERE procedure_id = $1 AND step_key = $2`,
    [s.procedure_id, s.step_key, dueDate, explanation.es, explanation.en, note],
  );
}

export async function orgTimeZone(db: Queryable, orgId: string): Promise<string> {
  const { rows } = await db.query<{ time_zone: string }>('SELECT time_zone FROM organisations WHERE id = $1', [orgId]);
  return rows[0]?.time_zone ?? 'America/Mexico_City';
}

/** The responsible account of each procedure (the overview groups deadlines by it). */
export async function ownersOfProcedures(
  db: Queryable,
  procedureIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (procedureIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; owner_account_id: string | null }>(
    'SELECT id::text AS id, owner_account_id::text AS owner_account_id FROM procedures WHERE id = ANY($1::uuid[])',
    [procedureIds],
  );
  return new Map(rows.map((r) => [r.id, r.owner_account_id]));
}

/** Display names of staff accounts that are members of the organisation (staff, not people served). */
export async function accountNames(
  db: Queryable,
  orgId: string,
  accountIds: readonly string[],
): Promise<{ account_id: string; display_name: string }[]> {
  if (accountIds.length === 0) return [];
  const { rows } = await db.query<{ account_id: string; display_name: string }>(
    `SELECT a.id::text AS account_id, a.display_name FROM accounts a JOIN memberships m ON m.account_id = a.id AND m.org_id = $1
      WHERE a.id = ANY($2::uuid[])`,
    [orgId, accountIds],
  );
  return rows;
}
