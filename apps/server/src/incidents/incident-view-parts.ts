// The parts of an event view that need decryption or the deadline engine: complaints (file
// number, outcome, next deadline with its explanation) and protection measures (details, history).
import type { ProtectionMeasure } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { open } from './incident-crypto.ts';
import { explainComplaintDeadline } from './complaint-deadline.ts';
import * as cq from './complaints.queries.ts';
import * as pq from './protection.queries.ts';

export async function complaintsView(db: Queryable, keyring: Keyring, org: string, eventId: string) {
  const complaints = await cq.listComplaints(db, eventId);
  const history = await cq.listHistory(
    db,
    complaints.map((c) => c.id),
  );
  return Promise.all(
    complaints.map(async (c) => {
      const fileNumber = await open(keyring, org, 'incident_complaints', 'file_number', c.file_number);
      const outcome = await open(keyring, org, 'incident_complaints', 'outcome', c.outcome);
      const deadline =
        c.deadline_rule_id && c.deadline_trigger && c.deadline_rule_version
          ? await explainComplaintDeadline(db, {
              ruleId: c.deadline_rule_id,
              ruleVersion: c.deadline_rule_version,
              trigger: c.deadline_trigger,
            })
          : null;
      return {
        id: c.id,
        authority: c.authority,
        authorityState: c.authority_state,
        ...(fileNumber ? { fileNumber } : {}),
        filedOn: c.filed_on,
        status: c.status as 'filed',
        statusChangedOn: c.status_changed_on,
        nextDeadline: c.next_deadline,
        ...(outcome ? { outcome } : {}),
        deadline,
        outcomeKind: c.outcome_kind,
        history: history
          .filter((h) => h.complaint_id === c.id)
          .map((h) => ({ status: h.status, changedOn: h.changed_on })),
        version: c.version,
      };
    }),
  );
}

export async function protectionView(
  db: Queryable,
  keyring: Keyring,
  org: string,
  eventId: string,
): Promise<ProtectionMeasure[]> {
  const measures = await pq.listMeasures(db, eventId);
  const history = await pq.listMeasureHistory(
    db,
    measures.map((m) => m.id),
  );
  return Promise.all(
    measures.map(async (m) => {
      const details = await open(keyring, org, 'incident_protection_measures', 'details', m.details);
      return {
        id: m.id,
        measure: m.measure,
        authority: m.authority,
        ...(details ? { details } : {}),
        stage: m.stage as ProtectionMeasure['stage'],
        stageOn: m.stage_on,
        version: m.version,
        history: await Promise.all(
          history
            .filter((h) => h.measure_id === m.id)
            .map(async (h) => {
              const note = await open(keyring, org, 'incident_protection_history', 'note', h.note);
              return { stage: h.stage, on: h.on_date, recordedBy: h.recorded_by, ...(note ? { note } : {}) };
            }),
        ),
      };
    }),
  );
}
