// The records behind many match candidates at once (the review of a report): one statement per
// kind of record instead of one per candidate.
import type { Queryable } from '../kernel/db/database.ts';
import {
  FOUND_MATCH,
  PERSON_OWN,
  PERSON_SHARED,
  REPORT_MATCH,
  type FoundRow,
  type PersonLiteRow,
  type ReportRow,
} from './missing.queries.ts';

/** Several people at once (the review of a report's candidates): one statement, not one per row. */
export async function findPeopleLite(db: Queryable, ids: readonly string[], shared: boolean): Promise<PersonLiteRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<PersonLiteRow>(
    `SELECT ${shared ? PERSON_SHARED : PERSON_OWN} FROM people p WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL`,
    [ids],
  );
  return rows;
}

export async function findFoundsForMatch(db: Queryable, ids: readonly string[]): Promise<FoundRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<FoundRow>(`SELECT ${FOUND_MATCH} FROM found_records f WHERE f.id = ANY($1::uuid[])`, [
    ids,
  ]);
  return rows;
}

export async function findReportsForMatch(db: Queryable, ids: readonly string[]): Promise<ReportRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ReportRow>(
    `SELECT ${REPORT_MATCH} FROM missing_reports r WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}
