-- Return and reintegration, consular help, family separation and reunification (issue 8, items
-- 3-5). See docs/decisions/0120-reintegration-and-families.md.
--
-- Personal parts are encrypted with the organisation's data key (bytea columns); what stays in
-- clear is coarse and needed for lists, reminders and indicators (dates, country codes, the
-- authority, need areas, statuses).

-- Reception of a deported or returned person, linked to a person of the people module.
CREATE TABLE reintegration_receptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid NOT NULL REFERENCES people (id),
  -- The case owner (receives the follow-up reminders) and team (access scope).
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  received_on date NOT NULL,
  arrival_mode text NOT NULL CHECK (arrival_mode IN ('air', 'land', 'sea')),
  -- A public place (airport, bridge, port), not personal data.
  port_of_entry text NOT NULL CHECK (length(port_of_entry) BETWEEN 1 AND 200),
  returned_from char(2) NOT NULL,
  returning_authority text NOT NULL CHECK (returning_authority IN ('ice', 'cbp', 'inm', 'other_state', 'voluntary', 'other')),
  family_left_behind bytea,   -- encrypted
  belongings_retained bytea,  -- encrypted
  documents_retained bytea,   -- encrypted
  notes bytea,                -- encrypted
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX reintegration_receptions_org ON reintegration_receptions (org_id, received_on DESC, id DESC);
CREATE INDEX reintegration_receptions_person ON reintegration_receptions (person_id);

-- The needs assessment: one per reception (re-assessing replaces it). The needs and notes are
-- encrypted; only the assessment date is in clear.
CREATE TABLE reintegration_assessments (
  reception_id uuid PRIMARY KEY REFERENCES reintegration_receptions (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  assessed_on date NOT NULL,
  needs bytea NOT NULL,       -- encrypted JSON: area -> level and note
  assessed_by uuid REFERENCES accounts (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The plan: referrals made through the referrals module for a need area (referral rows belong to
-- that module; this only links them).
CREATE TABLE reintegration_plan_referrals (
  reception_id uuid NOT NULL REFERENCES reintegration_receptions (id),
  referral_id uuid NOT NULL REFERENCES referrals (id),
  area text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reception_id, referral_id)
);
CREATE INDEX reintegration_plan_referrals_referral ON reintegration_plan_referrals (referral_id);

-- Follow-up at 30, 90 and 180 days after the assessment.
CREATE TABLE reintegration_follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reception_id uuid NOT NULL REFERENCES reintegration_receptions (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  milestone integer NOT NULL CHECK (milestone IN (30, 90, 180)),
  due_on date NOT NULL,
  done_on date,
  outcome text CHECK (outcome IN ('settled', 'progressing', 'struggling', 'lost_contact', 'migrated_again')),
  note bytea,                 -- encrypted
  done_by uuid REFERENCES accounts (id),
  UNIQUE (reception_id, milestone)
);
CREATE INDEX reintegration_follow_ups_due ON reintegration_follow_ups (due_on) WHERE done_on IS NULL;
CREATE INDEX reintegration_follow_ups_org ON reintegration_follow_ups (org_id, due_on);

-- One reminder per follow-up and window: the scan may run any number of times.
CREATE TABLE reintegration_follow_up_reminders (
  follow_up_id uuid NOT NULL REFERENCES reintegration_follow_ups (id),
  reminder_window text NOT NULL CHECK (reminder_window IN ('d7', 'overdue')),
  account_id uuid NOT NULL REFERENCES accounts (id),
  notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (follow_up_id, reminder_window)
);

-- Consular notifications and requests, and their outcome.
CREATE TABLE consular_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid NOT NULL REFERENCES people (id),
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  -- The consulate: the country it represents and the city it sits in (public places).
  consulate_country char(2) NOT NULL,
  consulate_city text NOT NULL CHECK (length(consulate_city) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('notification', 'documents', 'legal_representation', 'repatriation', 'detention_visit', 'other')),
  requested_on date NOT NULL,
  details bytea,              -- encrypted
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'granted', 'refused', 'no_answer', 'withdrawn')),
  outcome_on date,
  outcome_note bytea,         -- encrypted
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX consular_requests_org ON consular_requests (org_id, requested_on DESC, id DESC);
CREATE INDEX consular_requests_person ON consular_requests (person_id);

-- A separated family: the file an organisation keeps to trace and reunite its members.
CREATE TABLE families (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  -- The household (households module) the family was started from, if any.
  household_id uuid REFERENCES households (id),
  label bytea NOT NULL,       -- encrypted ("Familia Pérez López")
  status text NOT NULL DEFAULT 'separated' CHECK (status IN ('separated', 'reunified', 'closed')),
  reunified_on date,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX families_org ON families (org_id, created_at DESC, id DESC);

-- A member: a person of the organisation, a person record of a partner organisation (shown only
-- when sharing and consent allow), or someone not registered anywhere (name encrypted).
CREATE TABLE family_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES families (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid REFERENCES people (id),
  name bytea,                 -- encrypted, when not a person record
  relationship text NOT NULL CHECK (length(relationship) BETWEEN 1 AND 40),
  is_child boolean NOT NULL DEFAULT false,
  separated_since date,
  location bytea,             -- encrypted: where the member is
  holding_authority text CHECK (holding_authority IN ('ice', 'cbp', 'orr', 'inm', 'dif', 'shelter', 'other', 'none')),
  holding_country char(2),
  guardian bytea,             -- encrypted: who has guardianship or care of a child
  case_id uuid REFERENCES cases (id),
  status text NOT NULL DEFAULT 'separated' CHECK (status IN ('separated', 'located', 'in_contact', 'reunified')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NOT NULL OR name IS NOT NULL)
);
CREATE INDEX family_members_family ON family_members (family_id);
CREATE INDEX family_members_person ON family_members (person_id);

CREATE TABLE family_tracing_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES families (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  member_id uuid NOT NULL REFERENCES family_members (id),
  channel text NOT NULL CHECK (channel IN ('icrc_rfl', 'consulate', 'authority', 'partner', 'other')),
  requested_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'located', 'closed_not_found')),
  note bytea,                 -- encrypted
  closed_on date
);
CREATE INDEX family_tracing_family ON family_tracing_requests (family_id);

CREATE TABLE family_plan_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES families (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  title bytea NOT NULL,       -- encrypted
  due_on date,
  done_on date,
  position integer NOT NULL
);
CREATE INDEX family_plan_family ON family_plan_steps (family_id, position);
