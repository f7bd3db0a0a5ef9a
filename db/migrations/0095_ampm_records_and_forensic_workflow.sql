-- Ante-mortem and post-mortem records and the forensic workflow of unidentified remains
-- (docs/decisions/0147-ampm-records-and-forensic-workflow.md).
--
-- The structured data is personal and encrypted like every other personal field of these records
-- (Keyring.encrypt with the organisation's data key, contexts '<table>.<column>', registered for
-- key rotation in apps/server/src/missing/missing-crypto.ts): what a family tells of the person
-- (height, build, hair, eyes, body marks, teeth by FDI tooth, clothing, health, who holds records,
-- the relatives' DNA reference samples) and what the forensic examination found (estimates with
-- their method, the death window, condition, body map, dental chart, where the body is, samples).
ALTER TABLE missing_reports ADD COLUMN ante_mortem bytea;     -- JSON (anteMortemSchema)
ALTER TABLE found_records ADD COLUMN post_mortem bytea;       -- JSON (postMortemStoredSchema)

-- The engine's words for an ante-mortem / post-mortem pair name teeth, tattoos and places: they are
-- kept encrypted with the report organisation's key; the clear explanation holds codes and weights.
ALTER TABLE match_candidates ADD COLUMN ampm_explanation bytea;

-- Where remains stand in the forensic workflow: registered → examined → candidates reviewed →
-- identification proposed → identified (two people) → family informed (by the case owner) →
-- released. In clear: a workflow state, no personal data; lists and queues filter on it.
ALTER TABLE found_records
  ADD COLUMN forensic_stage text NOT NULL DEFAULT 'registered'
    CHECK (forensic_stage IN ('registered', 'examined', 'candidates_reviewed', 'identification_proposed',
                              'identified', 'family_informed', 'released'));

-- Every step, with who took it and when; the pair it concerns; how the family was told or to whom
-- the body was released (encrypted). Append-only, like the audit trail that also records each step.
CREATE TABLE remains_workflow_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,                                      -- the order steps were taken in
  found_id uuid NOT NULL REFERENCES found_records (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  step text NOT NULL CHECK (step IN ('examined', 'candidates_reviewed', 'propose_identification', 'withdraw_proposal',
                                     'confirm_identification', 'family_informed', 'released')),
  from_stage text NOT NULL,
  to_stage text NOT NULL,
  candidate_id uuid REFERENCES match_candidates (id),
  actor_account_id uuid REFERENCES accounts (id),
  at timestamptz NOT NULL DEFAULT now(),
  details bytea                                                -- JSON {method, on, releasedTo, note}, encrypted
);
CREATE INDEX remains_workflow_steps_found ON remains_workflow_steps (found_id, seq);

-- Reports with ante-mortem data that remains with a post-mortem examination are matched against.
CREATE INDEX missing_reports_open_ante_mortem ON missing_reports (org_id, last_contact_month)
  WHERE status = 'open' AND ante_mortem IS NOT NULL;
-- Remains with a post-mortem examination, for the reports' ante-mortem matching.
CREATE INDEX found_records_examined_remains ON found_records (org_id, found_on)
  WHERE kind = 'unidentified_remains' AND status = 'unidentified' AND post_mortem IS NOT NULL;
