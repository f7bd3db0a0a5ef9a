// A person's screenings in their export (answers and flags decrypted, with the questionnaire
// version used) and their erasure: the rows are deleted. A screening exists only to decide
// what protection the person needs; kept without the person it would still say "a survivor of
// sexual violence was here on that day", which is exactly what erasure must remove (decision 0118).
import type { RaisedFlag } from '@acompana/core';
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import './screening.service.ts';

interface Row {
  id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  answers: unknown;
  flags: unknown;
  max_severity: string;
  recorded_at: Date | string;
}

registerPersonDataHandler({
  section: 'screenings',
  async exportFor({ db, keyring }, orgId, personId) {
    const { rows } = await db.query<Row>(
      `SELECT id::text AS id, questionnaire_id, questionnaire_version, answers, flags, max_severity, recorded_at
         FROM screenings WHERE person_id = $1 AND org_id = $2 ORDER BY recorded_at, id`,
      [personId, orgId],
    );
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        questionnaireId: row.questionnaire_id,
        questionnaireVersion: Number(row.questionnaire_version),
        answers: JSON.parse(await keyring.decrypt(orgId, 'screenings.answers', row.answers)) as unknown,
        flags: (JSON.parse(await keyring.decrypt(orgId, 'screenings.flags', row.flags)) as RaisedFlag[]).map((f) => ({
          flag: f.flag,
          severity: f.severity,
          explanation: f.explanation,
        })),
        maxSeverity: row.max_severity,
        recordedAt: new Date(row.recorded_at).toISOString(),
      })),
    );
  },
  async eraseIn({ tx, personId }) {
    return { screenings: (await tx.query('DELETE FROM screenings WHERE person_id = $1', [personId])).rowCount };
  },
});
