// What other modules (cases) may learn from a person's screenings, without touching the
// screenings table themselves: the flags raised (decrypted with the organisation's key), the
// tasks they suggest, and the blind-index key a list uses to filter by flag in SQL.
import type { RaisedFlag } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import './screening.service.ts';

export interface ScreeningFact {
  id: string;
  questionnaireId: string;
  questionnaireVersion: number;
  maxSeverity: string;
  recordedAt: Date;
  flags: { flag: string; severity: string; suggestedTasks: string[] }[];
}

/** A person's screenings, oldest first, with their flags decrypted (the caller audits the read). */
export async function screeningFactsOfPerson(
  db: Queryable,
  keyring: Keyring,
  orgId: string,
  personId: string,
): Promise<ScreeningFact[]> {
  const { rows } = await db.query<{
    id: string;
    questionnaire_id: string;
    questionnaire_version: number;
    max_severity: string;
    recorded_at: Date | string;
    flags: unknown;
  }>(
    `SELECT id::text AS id, questionnaire_id, questionnaire_version, max_severity, recorded_at, flags
       FROM screenings WHERE person_id = $1 AND org_id = $2 ORDER BY recorded_at, id`,
    [personId, orgId],
  );
  const out: ScreeningFact[] = [];
  for (const row of rows) {
    const flags = JSON.parse(await keyring.decrypt(orgId, 'screenings.flags', row.flags)) as RaisedFlag[];
    out.push({
      id: row.id,
      questionnaireId: row.questionnaire_id,
      questionnaireVersion: Number(row.questionnaire_version),
      maxSeverity: row.max_severity,
      recordedAt: new Date(row.recorded_at),
      flags: flags.map((f) => ({ flag: f.flag, severity: f.severity, suggestedTasks: [...f.suggestedTasks] })),
    });
  }
  return out;
}

/** The latest screening of each questionnaire: what the person's situation is now. */
export function latestPerQuestionnaire(facts: readonly ScreeningFact[]): ScreeningFact[] {
  const latest = new Map<string, ScreeningFact>();
  for (const fact of facts) latest.set(fact.questionnaireId, fact);
  return [...latest.values()];
}

/** The blind-index key of a flag, as stored in screenings.flag_bi (for filtering in SQL). */
export async function screeningFlagKey(keyring: Keyring, orgId: string, flag: string): Promise<string> {
  const [key] = await keyring.blindIndex(orgId, 'screening.flag', [flag]);
  return key as string;
}
