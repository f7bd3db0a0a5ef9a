-- Incidents, second slice (issue 7): threats and attacks against human-rights defenders with a
-- protection-measures log, complaint deadlines computed by the deadline engine, and indexes for
-- the list filters. See docs/decisions/0119-incidents-web-confidentiality-exports.md.

-- An event whose victims are the organisation's own staff or volunteers (threats, attacks,
-- surveillance because of their work). In clear: lists filter on it and it is counted apart in
-- reports, as the federal protection mechanism and the IACHR ask for.
ALTER TABLE incident_events ADD COLUMN against_defenders boolean NOT NULL DEFAULT false;
CREATE INDEX incident_events_org_defenders ON incident_events (org_id, start_date DESC) WHERE against_defenders;

-- Complaints: the next deadline is computed by a rule of the deadline engine from a trigger date
-- (e.g. mx.revision: 15 working days from the notice, LFPA art. 85); the rule id, the version used
-- and the trigger are kept so the date can be explained and recomputed. A plain date stays
-- possible (next_deadline without a rule) for bodies whose terms are not in the engine.
-- The outcome's kind is in clear for reports; its text stays encrypted (outcome).
ALTER TABLE incident_complaints ADD COLUMN deadline_rule_id text;
ALTER TABLE incident_complaints ADD COLUMN deadline_rule_version integer;
ALTER TABLE incident_complaints ADD COLUMN deadline_trigger date;
ALTER TABLE incident_complaints ADD COLUMN outcome_kind text
  CHECK (outcome_kind IN ('recommendation_issued', 'conciliation', 'charges_filed', 'dismissed', 'withdrawn', 'no_response', 'other'));

-- Protection measures for defenders (and for victims or witnesses at risk): requested from an
-- authority, granted, implemented, denied or lifted. The current stage is on the measure; every
-- stage, with who recorded it and on which date, is in the append-only history below.
CREATE TABLE incident_protection_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  measure text NOT NULL,
  authority text NOT NULL,
  -- Encrypted: who is protected and how (names, addresses, escorts, panic-button numbers).
  details bytea,
  stage text NOT NULL CHECK (stage IN ('requested', 'granted', 'implemented', 'denied', 'lifted')),
  stage_on date NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_protection_measures_event ON incident_protection_measures (event_id);

CREATE TABLE incident_protection_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  measure_id uuid NOT NULL REFERENCES incident_protection_measures (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  stage text NOT NULL,
  on_date date NOT NULL,
  recorded_by uuid REFERENCES accounts (id),
  note bytea,               -- encrypted
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_protection_history_measure ON incident_protection_history (measure_id, id);

-- List filters by victim profile (sex, age group) and by perpetrator institution.
CREATE INDEX incident_victims_event_profile ON incident_victims (event_id, sex, age_group);
-- A rare profile (girls 0-11, women 60+) is found from the victims' side, not by walking every
-- event by date: an index to start there, and statistics on the pair so the planner knows how
-- rare a combination is (sex and age group are not independent in real records).
CREATE INDEX incident_victims_org_profile ON incident_victims (org_id, sex, age_group, event_id);
CREATE STATISTICS incident_victims_profile_stats (mcv, dependencies) ON sex, age_group FROM incident_victims;
CREATE INDEX incident_perpetrators_event_institution ON incident_perpetrators (event_id, institution);
CREATE INDEX incident_acts_event_type ON incident_acts (event_id, act_type);
