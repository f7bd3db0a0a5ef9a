-- People (issue 4, first slice): the person record, encrypted at rest and searchable tolerantly.
-- Every personal field is a bytea written by Keyring.encrypt() with the organisation's data key
-- (context 'people.<column>'), registered for key rotation in apps/server/src/people/person-crypto.ts.
-- Only coarse, non-identifying fields stay in clear, each for a stated purpose.
-- Search uses blind indexes: keyed HMACs (organisation's index key) of normalised name tokens,
-- their phonetic keys and trigrams. See docs/decisions/0104-people-encryption-and-search.md.

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  -- Access scopes (own / team) are decided on these two columns, in SQL for lists.
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: an edit names the version it started from.
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  -- Set when the record was deleted: personal data is gone, this stub remains for the audit trail.
  deleted_at timestamptz,
  deleted_by uuid REFERENCES accounts (id),

  -- Coarse fields in clear --------------------------------------------------------------------
  -- Sex as recorded (F, M, X): differentiated attention (women, men) and statistics by sex.
  sex char(1) CHECK (sex IN ('F', 'M', 'X')),
  -- Nationality, ISO 3166-1 alpha-2: lists filtered by nationality and statistics by country.
  nationality char(2) CHECK (nationality ~ '^[A-Z]{2}$'),
  -- Birth year only (the full date is encrypted): age groups, child-protection alerts, statistics.
  birth_year smallint CHECK (birth_year BETWEEN 1850 AND 2200),
  -- True when birth_year comes from an estimated age rather than a stated birth date.
  birth_year_estimated boolean NOT NULL DEFAULT false,

  -- Encrypted personal fields (AES-256-GCM, organisation data key) -----------------------------
  given_names bytea,
  surnames bytea,          -- as written, e.g. "de la Cruz", "García López"
  first_surname bytea,     -- when the form separated them
  second_surname bytea,
  aliases bytea,           -- JSON array of strings (nicknames, other spellings)
  birth_date bytea,        -- YYYY-MM-DD
  gender_identity bytea,
  origin bytea,            -- JSON {country, place}
  languages bytea,         -- JSON [{language, interpreterNeeded}]
  documents bytea,         -- JSON [{type, number, issuer, expiry}]
  contacts bytea,          -- JSON [{channel, value, note}]
  notes bytea,

  -- Blind indexes (keyed HMAC-SHA256 truncated to 80 bits, base64url) --------------------------
  -- Name tokens (folded, nicknames mapped) and their Spanish phonetic keys, of names and aliases.
  name_bi text[] NOT NULL DEFAULT '{}',
  -- Trigrams of the phonetic keys: tolerance for typing slips the phonetic key does not absorb.
  name_trigram_bi text[] NOT NULL DEFAULT '{}',
  -- Document numbers, upper-case letters and digits only.
  document_bi text[] NOT NULL DEFAULT '{}'
);

CREATE INDEX people_org_created ON people (org_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX people_org_team ON people (org_id, team_id) WHERE deleted_at IS NULL;
CREATE INDEX people_org_nationality ON people (org_id, nationality) WHERE deleted_at IS NULL;
CREATE INDEX people_name_bi ON people USING gin (name_bi);
CREATE INDEX people_name_trigram_bi ON people USING gin (name_trigram_bi);
CREATE INDEX people_document_bi ON people USING gin (document_bi);

-- Consent per purpose, with who recorded it, when and how; withdrawal is a timestamp, never a delete.
CREATE TABLE person_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  purpose text NOT NULL CHECK (purpose IN ('care', 'referral', 'sharing', 'statistics')),
  method text NOT NULL CHECK (method IN ('signed', 'oral_with_witness', 'by_guardian')),
  witness_name bytea,      -- encrypted: the witness's or guardian's name
  recorded_by uuid REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES accounts (id)
);
CREATE INDEX person_consents_person ON person_consents (person_id);
