-- Protection-needs screenings (issue 4). Answers and raised flags are encrypted with the
-- organisation's key: "survivor of sexual violence" is among the most sensitive facts we hold.
-- Lists filter by flag through a blind index of the flag key; only the highest severity stays
-- in clear, to sort the urgent cases first.
CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid NOT NULL REFERENCES people (id),
  questionnaire_id text NOT NULL,
  questionnaire_version integer NOT NULL,
  answers bytea NOT NULL,
  flags bytea NOT NULL,
  flag_bi text[] NOT NULL DEFAULT '{}',
  max_severity text NOT NULL CHECK (max_severity IN ('none', 'info', 'attention', 'urgent')),
  recorded_by uuid REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screenings_person ON screenings (person_id, recorded_at);
CREATE INDEX screenings_flag_bi ON screenings USING gin (flag_bi);
