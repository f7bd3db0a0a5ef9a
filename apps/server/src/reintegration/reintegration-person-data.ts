// A person's receptions as a returnee and consular requests, in their export and their erasure
// (decision 0118). The export gives each reception with its encrypted parts decrypted, the needs
// assessment, the plan's links to referrals (the referrals themselves are in the referrals
// section) and the follow-ups; and each consular request with its details and outcome.
//
// Erasure keeps every reception as a stub: date, port of entry, country and authority stay in
// clear (public places and coarse categories) and the follow-ups already done keep their
// milestone and outcome, because the reintegration-outcomes indicator counts them. The family
// left behind, belongings, documents and notes are cleared, the needs assessment (one encrypted
// JSON: a GBV need next to a date would still say something) is deleted, follow-up notes are
// cleared, and follow-ups still pending are deleted with their reminders: nobody will follow up
// an erased person, and counting them as overdue would be untrue. Consular requests stay as
// stubs (consulate, kind, date, status) with details and outcome note cleared; one still waiting
// for an answer is marked withdrawn, since the organisation can no longer pursue it.
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import { open } from './reintegration-crypto.ts';
import * as q from './reintegration.queries.ts';
import { portOfEntryOf } from './port-of-entry.ts';

interface ReceptionExportRow {
  id: string;
  org_id: string;
  received_on: string;
  arrival_mode: string;
  port_of_entry: string | null;
  port_of_entry_enc: unknown;
  returned_from: string;
  returning_authority: string;
  family_left_behind: unknown;
  belongings_retained: unknown;
  documents_retained: unknown;
  notes: unknown;
}

const ofPerson = 'reception_id IN (SELECT id FROM reintegration_receptions WHERE person_id = $1)';

registerPersonDataHandler({
  section: 'reintegration',
  async exportFor({ db, keyring }, orgId, personId) {
    const { rows } = await db.query<ReceptionExportRow>(
      `SELECT id::text AS id, org_id::text AS org_id, received_on::text AS received_on, arrival_mode, port_of_entry, port_of_entry_enc, trim(returned_from) AS returned_from,
              returning_authority, family_left_behind, belongings_retained, documents_retained, notes
         FROM reintegration_receptions WHERE person_id = $1 AND org_id = $2 ORDER BY received_on, id`,
      [personId, orgId],
    );
    const out = [];
    for (const r of rows) {
      const text = (column: 'family_left_behind' | 'belongings_retained' | 'documents_retained' | 'notes') =>
        open(keyring, r.org_id, 'reintegration_receptions', column, r[column]);
      const assessment = await q.findAssessment(db, r.id);
      const needs = assessment
        ? await open(keyring, r.org_id, 'reintegration_assessments', 'needs', assessment.needs)
        : null;
      out.push({
        id: r.id,
        receivedOn: r.received_on,
        arrivalMode: r.arrival_mode,
        portOfEntry: await portOfEntryOf(keyring, r),
        returnedFrom: r.returned_from,
        returningAuthority: r.returning_authority,
        familyLeftBehind: await text('family_left_behind'),
        belongingsRetained: await text('belongings_retained'),
        documentsRetained: await text('documents_retained'),
        notes: await text('notes'),
        assessment: assessment
          ? { assessedOn: assessment.assessed_on, needs: needs ? (JSON.parse(needs) as unknown) : [] }
          : null,
        plan: (await q.planLinks(db, r.id)).map((l) => ({ area: l.area, referralId: l.referral_id })),
        followUps: await Promise.all(
          (await q.followUpsOf(db, r.id)).map(async (f) => ({
            milestone: Number(f.milestone),
            dueOn: f.due_on,
            doneOn: f.done_on,
            outcome: f.outcome,
            note: await open(keyring, f.org_id, 'reintegration_follow_ups', 'note', f.note),
          })),
        ),
      });
    }
    return out;
  },
  async eraseIn({ tx, personId }) {
    const receptions = (
      await tx.query(
        `UPDATE reintegration_receptions SET family_left_behind = NULL, belongings_retained = NULL, documents_retained = NULL, notes = NULL, staying_place = NULL, version = version + 1
        WHERE person_id = $1`,
        [personId],
      )
    ).rowCount;
    const assessments = (await tx.query(`DELETE FROM reintegration_assessments WHERE ${ofPerson}`, [personId]))
      .rowCount;
    const pending = `follow_up_id IN (SELECT id FROM reintegration_follow_ups WHERE ${ofPerson} AND done_on IS NULL)`;
    await tx.query(`DELETE FROM reintegration_follow_up_reminders WHERE ${pending}`, [personId]);
    const pendingFollowUps = (
      await tx.query(`DELETE FROM reintegration_follow_ups WHERE ${ofPerson} AND done_on IS NULL`, [personId])
    ).rowCount;
    const followUpNotes = (
      await tx.query(`UPDATE reintegration_follow_ups SET note = NULL WHERE ${ofPerson} AND note IS NOT NULL`, [
        personId,
      ])
    ).rowCount;
    return { receptions, assessments, pendingFollowUps, followUpNotes };
  },
});

interface ConsularExportRow {
  id: string;
  org_id: string;
  consulate_country: string;
  consulate_city: string;
  kind: string;
  requested_on: string;
  details: unknown;
  status: string;
  outcome_on: string | null;
  outcome_note: unknown;
}

registerPersonDataHandler({
  section: 'consular',
  async exportFor({ db, keyring }, orgId, personId) {
    const { rows } = await db.query<ConsularExportRow>(
      `SELECT id::text AS id, org_id::text AS org_id, trim(consulate_country) AS consulate_country, consulate_city, kind, requested_on::text AS requested_on,
              details, status, outcome_on::text AS outcome_on, outcome_note
         FROM consular_requests WHERE person_id = $1 AND org_id = $2 ORDER BY requested_on, id`,
      [personId, orgId],
    );
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        consulate: { country: r.consulate_country, city: r.consulate_city },
        kind: r.kind,
        requestedOn: r.requested_on,
        details: await open(keyring, r.org_id, 'consular_requests', 'details', r.details),
        status: r.status,
        outcomeOn: r.outcome_on,
        outcomeNote: await open(keyring, r.org_id, 'consular_requests', 'outcome_note', r.outcome_note),
      })),
    );
  },
  async eraseIn({ tx, personId, at }) {
    const withdrawn = (
      await tx.query(
        "UPDATE consular_requests SET status = 'withdrawn', outcome_on = $2::date, version = version + 1 WHERE person_id = $1 AND status = 'requested'",
        [personId, at.toISOString().slice(0, 10)],
      )
    ).rowCount;
    const requests = (
      await tx.query(
        'UPDATE consular_requests SET details = NULL, outcome_note = NULL, version = version + 1 WHERE person_id = $1',
        [personId],
      )
    ).rowCount;
    return { requests, withdrawn };
  },
});
