-- Legal procedures and their deadlines (issue 5). A procedure belongs to a person of the same
-- organisation; each step keeps the rule id and version, the calendar and the computed due date
-- it was given, so a later change of law or calendar never silently moves a deadline: open steps
-- are recomputed and show the earlier date and why it changed.

CREATE TABLE procedures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid NOT NULL REFERENCES people (id),
  type text NOT NULL,
  type_version integer NOT NULL,
  stage text NOT NULL,
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX procedures_person ON procedures (person_id);
CREATE INDEX procedures_org_owner ON procedures (org_id, owner_account_id) WHERE closed_at IS NULL;

CREATE TABLE procedure_steps (
  procedure_id uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  step_key text NOT NULL,
  org_id uuid NOT NULL REFERENCES organisations (id),
  rule_id text,
  rule_version integer,
  calendar_id text,
  trigger_value text NOT NULL,
  window_opens date,
  window_closes date,
  due_date date,
  due_instant timestamptz,
  explanation_es text,
  explanation_en text,
  legal_basis text,
  needs_legal_review boolean NOT NULL DEFAULT false,
  -- Court, judge, port of entry of a hearing: public facts, not personal data of the person.
  details jsonb,
  completed_on date,
  previous_due_date date,
  change_note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procedure_id, step_key)
);
CREATE INDEX procedure_steps_open_due ON procedure_steps (org_id, due_date) WHERE completed_on IS NULL;
CREATE INDEX procedure_steps_calendar ON procedure_steps (calendar_id) WHERE completed_on IS NULL;

-- Non-working days declared by an authority in the Diario Oficial (or by the federal judiciary),
-- entered by administrators with their source; they extend the shipped base calendars.
CREATE TABLE declared_non_working_days (
  calendar_id text NOT NULL,
  day date NOT NULL,
  reason_es text NOT NULL,
  reason_en text NOT NULL,
  source text NOT NULL,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (calendar_id, day)
);

-- One secret, revocable calendar-feed URL per account; only the token's hash is stored.
CREATE TABLE calendar_feeds (
  account_id uuid PRIMARY KEY REFERENCES accounts (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
