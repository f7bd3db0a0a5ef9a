-- Incidents and human-rights violations (issue 7, first slice): "who did what to whom", after
-- HURIDOCS' Events Standard Formats. An event has victims, perpetrators and acts (an act links
-- victims and perpetrators with a type from a versioned vocabulary), evidence files kept in an
-- encrypted vault with their SHA-256 and chain of custody, and complaints with their status
-- history. Personal or identifying text is bytea written by Keyring.encrypt() (context
-- 'incidents.<table>.<column>', registered for key rotation in apps/server/src/incidents/
-- incident-crypto.ts). Coarse fields stay in clear, each for a stated purpose (lists, filters,
-- statistics). See docs/decisions/0109-incidents-and-evidence.md.

CREATE TABLE incident_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  -- Encrypted: a title can name people or places precisely.
  title bytea NOT NULL,
  narrative bytea,
  -- Dates in clear (filters by month, timelines, statistics); a month-precision date is the 1st.
  start_date date NOT NULL,
  start_precision text NOT NULL CHECK (start_precision IN ('day', 'month', 'year', 'approximate')),
  end_date date,
  end_precision text CHECK (end_precision IN ('day', 'month', 'year', 'approximate')),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_precision IS NULL)),
  -- Place: country, state and municipality codes in clear (filters, maps by municipality,
  -- statistics); the locality and coordinates can point at a person or a safe house: encrypted.
  country char(2) NOT NULL DEFAULT 'MX' CHECK (country ~ '^[A-Z]{2}$'),
  state_code text,
  municipality_code text,
  locality bytea,
  coordinates bytea,        -- JSON {lat, lon}
  route_segment text,
  context_tags text[] NOT NULL DEFAULT '{}',
  confidentiality text NOT NULL DEFAULT 'internal' CHECK (confidentiality IN ('shareable', 'internal', 'restricted'))
);
CREATE INDEX incident_events_org_start ON incident_events (org_id, start_date DESC, id DESC);
CREATE INDEX incident_events_org_state ON incident_events (org_id, state_code, start_date DESC);

-- A victim is a linked person (with the consent to link recorded) or an anonymous count of
-- people of one sex and age group. Sex and age group stay in clear for statistics.
CREATE TABLE incident_victims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid REFERENCES people (id),
  link_consent text CHECK (link_consent IN ('signed', 'oral_with_witness', 'by_guardian')),
  link_consent_by uuid REFERENCES accounts (id),
  link_consent_at timestamptz,
  count integer NOT NULL DEFAULT 1 CHECK (count > 0),
  sex char(1) NOT NULL DEFAULT 'U' CHECK (sex IN ('F', 'M', 'X', 'U')),
  age_group text NOT NULL DEFAULT 'unknown' CHECK (age_group IN ('0-11', '12-17', '18-29', '30-59', '60+', 'unknown')),
  nationality char(2) CHECK (nationality ~ '^[A-Z]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NULL OR (count = 1 AND link_consent IS NOT NULL))
);
CREATE INDEX incident_victims_event ON incident_victims (event_id);
CREATE INDEX incident_victims_person ON incident_victims (person_id) WHERE person_id IS NOT NULL;

-- Institution keys come from the versioned hierarchy in packages/core/src/incidents/institutions.ts.
CREATE TABLE incident_perpetrators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  institution text NOT NULL,
  suspected_institution text,
  attribution text NOT NULL DEFAULT 'confirmed' CHECK (attribution IN ('confirmed', 'probable', 'possible')),
  vocabulary_version integer NOT NULL,
  unit bytea,               -- encrypted: office, company, sector, group's name
  individuals bytea,        -- encrypted JSON array: names, ranks, descriptions
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_perpetrators_event ON incident_perpetrators (event_id);
CREATE INDEX incident_perpetrators_org_institution ON incident_perpetrators (org_id, institution);

-- Act types come from the versioned vocabulary in packages/core/src/incidents/violation-types.ts.
CREATE TABLE incident_acts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  act_type text NOT NULL,
  vocabulary_version integer NOT NULL,
  act_date date,
  date_precision text CHECK (date_precision IN ('day', 'month', 'year', 'approximate')),
  state_code text,
  municipality_code text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_acts_event ON incident_acts (event_id);
CREATE INDEX incident_acts_org_type ON incident_acts (org_id, act_type);

CREATE TABLE incident_act_victims (
  act_id uuid NOT NULL REFERENCES incident_acts (id) ON DELETE CASCADE,
  victim_id uuid NOT NULL REFERENCES incident_victims (id) ON DELETE CASCADE,
  PRIMARY KEY (act_id, victim_id)
);
CREATE TABLE incident_act_perpetrators (
  act_id uuid NOT NULL REFERENCES incident_acts (id) ON DELETE CASCADE,
  perpetrator_id uuid NOT NULL REFERENCES incident_perpetrators (id) ON DELETE CASCADE,
  PRIMARY KEY (act_id, perpetrator_id)
);

-- The evidence vault. The file is encrypted with the organisation's data key; its SHA-256 (of
-- the original bytes, hex) is recorded at upload so it can be verified later. The original
-- name is encrypted (file names often carry names); the detected content type and size are not.
CREATE TABLE incident_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('photo', 'document', 'audio', 'video')),
  original_name bytea NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_evidence_event ON incident_evidence (event_id);

-- Chain of custody: append-only, one line per upload, view, export and verification.
CREATE TABLE incident_evidence_custody (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL REFERENCES incident_evidence (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  action text NOT NULL CHECK (action IN ('uploaded', 'viewed', 'exported', 'verified', 'verify_failed')),
  account_id uuid REFERENCES accounts (id),
  at timestamptz NOT NULL DEFAULT now(),
  detail text
);
CREATE INDEX incident_evidence_custody_evidence ON incident_evidence_custody (evidence_id, id);

CREATE TABLE incident_complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  authority text NOT NULL CHECK (authority IN ('cndh', 'state_hr_commission', 'fgr', 'state_prosecutor', 'foreign_support_search_mechanism', 'internal_affairs', 'us_oversight')),
  authority_state text,
  file_number bytea,        -- encrypted: the file number finds the complaint and its victims
  filed_on date NOT NULL,
  status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'admitted', 'in_progress', 'recommendation', 'closed')),
  status_changed_on date NOT NULL,
  next_deadline date,
  outcome bytea,            -- encrypted
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_complaints_event ON incident_complaints (event_id);

CREATE TABLE incident_complaint_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES incident_complaints (id) ON DELETE CASCADE,
  status text NOT NULL,
  changed_on date NOT NULL,
  changed_by uuid REFERENCES accounts (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_complaint_history_complaint ON incident_complaint_history (complaint_id, id);
