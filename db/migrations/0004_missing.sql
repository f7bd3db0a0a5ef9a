-- Missing and deceased migrants (issue 6, application side): search reports, found people and
-- unidentified remains, the candidates the matching engine proposes for each report, and the
-- notifications a confirmed match sends to the report's case owner (never to the family).
-- As in people (0002): every personal field is a bytea written by Keyring.encrypt() with the
-- organisation's data key (context '<table>.<column>', registered for key rotation in
-- apps/server/src/missing/missing-crypto.ts); only coarse fields stay in clear, each for a stated
-- purpose; names are searchable through blind indexes keyed with the organisation's index key.
-- See docs/decisions/0108-missing-person-matching-in-the-app.md.

CREATE TABLE missing_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  -- The case owner: the only person a confirmed match notifies.
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'located_alive', 'located_deceased', 'closed')),

  -- Coarse fields in clear --------------------------------------------------------------------
  -- Sex as recorded: candidate retrieval for unnamed remains (sex + age) and statistics.
  sex char(1) CHECK (sex IN ('F', 'M', 'X')),
  -- Nationality, ISO 3166-1 alpha-2: statistics by country, transnational mechanisms.
  nationality char(2) CHECK (nationality ~ '^[A-Z]{2}$'),
  -- Birth year (stated or from the age range): age-compatible retrieval of unnamed remains.
  birth_year smallint CHECK (birth_year BETWEEN 1850 AND 2200),
  -- Age range in years at last contact, when the birth date is unknown.
  age_min smallint CHECK (age_min BETWEEN 0 AND 120),
  age_max smallint CHECK (age_max BETWEEN 0 AND 120),
  -- Month of last contact (first day of the month): lists and retrieval by period. The full
  -- date and everything else about the last contact is encrypted in last_contact.
  last_contact_month date,

  -- Encrypted personal fields ------------------------------------------------------------------
  given_names bytea,
  surnames bytea,
  aliases bytea,               -- JSON array
  birth_date bytea,            -- YYYY-MM-DD, YYYY-MM or YYYY as known
  origin bytea,                -- JSON {country, place}
  physical bytea,              -- JSON {heightCm, build, hair, eyes, skin, scars, tattoos, dentalNotes, other}
  belongings bytea,            -- JSON {clothing, items}
  last_contact bytea,          -- JSON {date, place, route, withWhom, means, details}
  relatives bytea,             -- JSON [{name, relationship, contacts:[{channel, value}], consentToContact}]
  dna_sample bytea,            -- JSON {given, where, date}
  authorities bytea,           -- JSON [{authority, country, fileNumber, filedOn}]
  notes bytea,

  -- Blind indexes (as people: keyed HMACs of name tokens and phonetic keys, their trigrams) ----
  name_bi text[] NOT NULL DEFAULT '{}',
  name_trigram_bi text[] NOT NULL DEFAULT '{}',
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX missing_reports_org_created ON missing_reports (org_id, created_at DESC, id DESC);
CREATE INDEX missing_reports_name_bi ON missing_reports USING gin (name_bi);

CREATE TABLE found_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  kind text NOT NULL CHECK (kind IN ('found_alive', 'unidentified_remains')),
  status text NOT NULL DEFAULT 'unidentified' CHECK (status IN ('unidentified', 'identified', 'returned_to_family')),

  -- Coarse fields in clear (retrieval of unnamed records by sex, age and period; statistics) ---
  found_on date,
  sex char(1) CHECK (sex IN ('F', 'M', 'X')),
  age_min smallint CHECK (age_min BETWEEN 0 AND 120),
  age_max smallint CHECK (age_max BETWEEN 0 AND 120),

  -- Encrypted fields ---------------------------------------------------------------------------
  given_names bytea,           -- a name stated or read on a document found, if any
  surnames bytea,
  aliases bytea,
  found_place bytea,           -- where found or recovered
  custodian bytea,             -- JSON {agency, fileNumber}
  description bytea,           -- JSON {statureCm, build, hair, eyes, skin, scars, tattoos, dentalNotes, other}
  belongings bytea,            -- JSON {clothing, items}
  circumstances bytea,         -- cause / circumstances if known
  notes bytea,

  name_bi text[] NOT NULL DEFAULT '{}',
  name_trigram_bi text[] NOT NULL DEFAULT '{}',
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX found_records_org_created ON found_records (org_id, created_at DESC, id DESC);
CREATE INDEX found_records_name_bi ON found_records USING gin (name_bi);
CREATE INDEX found_records_org_sex ON found_records (org_id, sex, found_on);

-- What the engine proposed for a report, and what a reviewer decided. One row per pair, ever:
-- a rejected pair keeps its row (and its decision), so a re-run cannot propose it again.
CREATE TABLE match_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES missing_reports (id),
  org_id uuid NOT NULL REFERENCES organisations (id),          -- the report's organisation
  candidate_kind text NOT NULL CHECK (candidate_kind IN ('person', 'found_record', 'missing_report')),
  candidate_id uuid NOT NULL,
  candidate_org_id uuid NOT NULL REFERENCES organisations (id),
  score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  engine_decision text NOT NULL CHECK (engine_decision IN ('match', 'possible')),
  -- Field levels, labels and weights only: never a name or any other value.
  explanation jsonb NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  rescored_at timestamptz,
  review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'confirmed', 'rejected', 'needs_info')),
  reviewed_by uuid REFERENCES accounts (id),
  reviewed_at timestamptz,
  note bytea,                                                 -- encrypted with the report org's key
  UNIQUE (report_id, candidate_kind, candidate_id)
);
CREATE INDEX match_candidates_report ON match_candidates (report_id, score DESC);

-- In-app notifications (no table existed before this migration): a row per account and event.
-- Only references are stored, never personal data.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  org_id uuid REFERENCES organisations (id),
  kind text NOT NULL,
  record_type text NOT NULL,
  record_id uuid NOT NULL,
  ref_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_account ON notifications (account_id, created_at DESC);
