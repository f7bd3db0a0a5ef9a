// A person's legal procedures in their export and their erasure (decision 0118). Erasure keeps
// each procedure as an anonymous stub, closed: its type, stage and the deadlines already met or
// missed stay, because the deadline indicator (packages/core/src/indicators) counts them and a
// count that shrinks whenever someone asks to be forgotten would misstate how often deadlines
// are met. The hearing details (court, judge, place) are cleared, and steps still pending are
// deleted: their outcome will never be known, so counting them as missed would be untrue.
// Filings go entirely: their receipts are the person's documents, and the filing date stays on
// the step as the date it was done.
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import { listProceduresOfPerson, listSteps } from './procedures.queries.ts';
import { liveFilings } from './filings.queries.ts';
import './filing-crypto.ts';

const day = (value: string | Date | null) =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

registerPersonDataHandler({
  section: 'procedures',
  async exportFor({ db }, orgId, personId) {
    const procedures = (await listProceduresOfPerson(db, personId)).filter((p) => p.org_id === orgId);
    const steps = await listSteps(
      db,
      procedures.map((p) => p.id),
    );
    const filings = await liveFilings(
      db,
      procedures.map((p) => p.id),
    );
    return procedures.map((p) => ({
      id: p.id,
      type: p.type,
      typeVersion: Number(p.type_version),
      stage: p.stage,
      openedAt: new Date(p.created_at).toISOString(),
      closedAt: p.closed_at ? new Date(p.closed_at).toISOString() : null,
      steps: steps
        .filter((s) => s.procedure_id === p.id)
        .sort((a, b) => a.step_key.localeCompare(b.step_key))
        .map((s) => ({
          step: s.step_key,
          trigger: s.trigger_value,
          dueDate: day(s.due_date),
          completedOn: day(s.completed_on),
          legalBasis: s.legal_basis,
          details: s.details,
        })),
      filings: filings
        .filter((f) => f.procedure_id === p.id)
        .map((f) => ({ step: f.step_key, filedOn: f.filed_on, receiptSha256: f.receipt_sha256 })),
    }));
  },
  async eraseIn({ tx, personId, at }) {
    const ofPerson = 'procedure_id IN (SELECT id FROM procedures WHERE person_id = $1)';
    const filings = (await tx.query(`DELETE FROM procedure_filings WHERE ${ofPerson}`, [personId])).rowCount;
    const pending = (
      await tx.query(
        `DELETE FROM procedure_steps WHERE ${ofPerson} AND completed_on IS NULL AND (due_date IS NULL OR due_date >= $2::date)`,
        [personId, at],
      )
    ).rowCount;
    const details = (
      await tx.query(
        `UPDATE procedure_steps SET details = NULL, updated_at = $2 WHERE ${ofPerson} AND details IS NOT NULL`,
        [personId, at],
      )
    ).rowCount;
    const closed = (
      await tx.query(
        'UPDATE procedures SET closed_at = $2, updated_at = $2, version = version + 1 WHERE person_id = $1 AND closed_at IS NULL',
        [personId, at],
      )
    ).rowCount;
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM procedures WHERE person_id = $1', [
      personId,
    ]);
    return { procedures: Number(rows[0]?.n ?? 0), closed, pendingSteps: pending, details, filings };
  },
});
