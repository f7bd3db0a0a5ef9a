-- Services directory and referrals between organisations (issue 8, items 1 and 2).
-- See docs/decisions/0110-directory-and-referrals.md.
--
-- Directory: the core of the Open Referral Human Services Data Specification (HSDS 3.0), table
-- for table and field for field (prefix hsds_ so that "organization" never meets our own
-- "organisations"). Every row is maintained by one Acompaña organisation (owner_org_id); only
-- that organisation changes it. Directory data is public information about services, never
-- about people: nothing here is encrypted. Organizations, locations and services carry
-- last_verified_on (exported as HSDS assured_date) and a version for optimistic concurrency;
-- every saved state of a service is kept in hsds_service_versions.
--
-- Referrals: from a person's case in one organisation to another organisation (and optionally
-- one of its services), with the person's referral consent. The receiver sees only a snapshot
-- of the fields the sender chose, encrypted with the RECEIVER's data key (context
-- 'referrals.snapshot' and 'referrals.reason', rotated with to_org_id); what flows back to the
-- sender (decline reason, outcome) is encrypted with the SENDER's key (rotated with from_org_id).
-- Columns registered in apps/server/src/referrals/referral-crypto.ts.

CREATE TABLE hsds_organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  alternate_name text,
  description text NOT NULL,
  email text,
  website text,
  uri text,
  legal_status text,
  year_incorporated integer,
  parent_organization_id uuid REFERENCES hsds_organizations (id),
  last_verified_on date NOT NULL DEFAULT current_date,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hsds_organizations_owner ON hsds_organizations (owner_org_id);

CREATE TABLE hsds_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  organization_id uuid REFERENCES hsds_organizations (id),
  location_type text NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
  url text,
  name text,
  alternate_name text,
  description text,
  transportation text,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  external_identifier text,
  external_identifier_type text,
  last_verified_on date NOT NULL DEFAULT current_date,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hsds_locations_owner ON hsds_locations (owner_org_id);

CREATE TABLE hsds_addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid NOT NULL REFERENCES hsds_locations (id) ON DELETE CASCADE,
  attention text,
  address_1 text NOT NULL,
  address_2 text,
  city text NOT NULL,
  region text,
  state_province text NOT NULL,
  postal_code text NOT NULL,
  country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  address_type text NOT NULL DEFAULT 'physical' CHECK (address_type IN ('physical', 'postal', 'virtual'))
);
CREATE INDEX hsds_addresses_location ON hsds_addresses (location_id);
-- Directory search by place: folded state and city.
CREATE INDEX hsds_addresses_place ON hsds_addresses (lower(state_province), lower(city));

CREATE TABLE hsds_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  organization_id uuid NOT NULL REFERENCES hsds_organizations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  alternate_name text,
  description text,
  url text,
  email text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  interpretation_services text,
  application_process text,
  fees_description text,
  wait_time text,
  accreditations text,
  eligibility_description text,
  minimum_age numeric CHECK (minimum_age >= 0),
  maximum_age numeric CHECK (maximum_age >= 0),
  alert text,
  -- Acompaña: the maintaining organisation receives referrals to this service through the platform.
  accepts_referrals boolean NOT NULL DEFAULT false,
  last_verified_on date NOT NULL DEFAULT current_date,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Removed from the directory; the row stays because referrals name it.
  deleted_at timestamptz
);
CREATE INDEX hsds_services_owner ON hsds_services (owner_org_id, last_verified_on) WHERE deleted_at IS NULL;
CREATE INDEX hsds_services_organization ON hsds_services (organization_id);

-- Every saved state of a service as its HSDS document (versioning, "who changed what").
CREATE TABLE hsds_service_versions (
  service_id uuid NOT NULL REFERENCES hsds_services (id),
  version integer NOT NULL,
  document jsonb NOT NULL,
  changed_by uuid REFERENCES accounts (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_id, version)
);

CREATE TABLE hsds_service_at_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES hsds_locations (id),
  description text
);
CREATE INDEX hsds_service_at_locations_service ON hsds_service_at_locations (service_id);
CREATE INDEX hsds_service_at_locations_location ON hsds_service_at_locations (location_id);

-- Opening hours as HSDS (iCalendar RRULE parts): freq, byday, opens_at, closes_at…
CREATE TABLE hsds_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  valid_from date,
  valid_to date,
  dtstart date,
  until date,
  wkst text CHECK (wkst IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
  freq text CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  interval integer,
  byday text,
  bymonthday text,
  opens_at text CHECK (opens_at ~ '^\d{2}:\d{2}'),
  closes_at text CHECK (closes_at ~ '^\d{2}:\d{2}'),
  description text,
  attending_type text,
  notes text
);
CREATE INDEX hsds_schedules_service ON hsds_schedules (service_id);

CREATE TABLE hsds_phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  number text NOT NULL,
  extension numeric,
  type text,
  description text
);
CREATE INDEX hsds_phones_service ON hsds_phones (service_id);

CREATE TABLE hsds_languages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  name text,
  -- ISO 639-1 / BCP 47, lower case ('es', 'ht', 'tzh'): directory search by language.
  code text,
  note text
);
CREATE INDEX hsds_languages_code ON hsds_languages (code, service_id);

CREATE TABLE hsds_service_areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  name text,
  description text,
  extent text,
  extent_type text,
  uri text
);
CREATE INDEX hsds_service_areas_service ON hsds_service_areas (service_id);

CREATE TABLE hsds_cost_options (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  valid_from date,
  valid_to date,
  option text,
  currency text,
  amount numeric,
  amount_description text
);

-- Public contact points of a service (a desk, a role). Not shown by the public API.
CREATE TABLE hsds_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  name text,
  title text,
  department text,
  email text
);

-- Taxonomy terms. owner_org_id NULL: the platform's needs vocabulary below (what a returnee
-- reception worker refers for); otherwise a term brought in by an organisation's import.
CREATE TABLE hsds_taxonomy_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org_id uuid REFERENCES organisations (id),
  code text NOT NULL,
  name text NOT NULL,
  description text NOT NULL,
  parent_id uuid REFERENCES hsds_taxonomy_terms (id),
  taxonomy text NOT NULL DEFAULT 'acompana-needs',
  language text,
  term_uri text,
  UNIQUE (taxonomy, code)
);

-- HSDS attribute: links a taxonomy term to a service (link_entity 'service').
CREATE TABLE hsds_attributes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES hsds_services (id) ON DELETE CASCADE,
  taxonomy_term_id uuid NOT NULL REFERENCES hsds_taxonomy_terms (id),
  link_type text,
  value text
);
CREATE INDEX hsds_attributes_term ON hsds_attributes (taxonomy_term_id, service_id);
CREATE INDEX hsds_attributes_service ON hsds_attributes (service_id);

INSERT INTO hsds_taxonomy_terms (code, name, description) VALUES
  ('shelter', 'Albergue / Shelter', 'Temporary accommodation and meals for people on the move.'),
  ('housing', 'Vivienda / Housing', 'Access to longer-term housing, rent support.'),
  ('food', 'Alimentación / Food', 'Meals, food parcels.'),
  ('health', 'Salud / Health', 'Primary care, clinics, medicines.'),
  ('psychosocial', 'Apoyo psicosocial / Psychosocial support', 'Mental health and psychosocial support.'),
  ('gbv', 'Violencia de género / Gender-based violence', 'Specialised care for survivors of gender-based violence.'),
  ('legal', 'Asesoría jurídica / Legal aid', 'Legal advice and representation.'),
  ('asylum', 'Refugio / Asylum', 'International protection procedures (COMAR).'),
  ('migration', 'Regularización migratoria / Migration status', 'Migration procedures (INM).'),
  ('legal_identity', 'Identidad jurídica / Legal identity', 'Birth registration, identity documents, CURP.'),
  ('consulate', 'Consulado / Consular assistance', 'Consular documents, protection and repatriation.'),
  ('education', 'Educación / Education', 'School enrolment and adult education.'),
  ('validation_of_studies', 'Revalidación de estudios / Validation of studies', 'Recognition of studies and professional skills.'),
  ('employment', 'Empleo / Employment', 'Job placement and training.'),
  ('financial_inclusion', 'Inclusión financiera / Financial inclusion', 'Bank accounts, remittances, microcredit.'),
  ('family_reunification', 'Reunificación familiar / Family reunification', 'Tracing and reunification of separated families.'),
  ('child_protection', 'Protección de la infancia / Child protection', 'Child protection authorities and programmes.'),
  ('returnee_reception', 'Recepción de personas retornadas / Returnee reception', 'Reception and reintegration of returned people.');

-- Referrals ----------------------------------------------------------------------------------

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_org_id uuid NOT NULL REFERENCES organisations (id),
  to_org_id uuid NOT NULL REFERENCES organisations (id),
  to_service_id uuid REFERENCES hsds_services (id),
  -- The person in the SENDING organisation (never shown to the receiver).
  person_id uuid NOT NULL REFERENCES people (id),
  -- The referral consent it was sent under: withdrawn → the receiver sees nothing personal.
  consent_id uuid NOT NULL REFERENCES person_consents (id),
  -- The sending case owner (notified of every answer) and team (access scopes of the sender).
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  created_by uuid REFERENCES accounts (id),
  -- Set when a receiver redirected another referral here.
  redirected_from_id uuid REFERENCES referrals (id),
  urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent', 'emergency')),
  shared_fields text[] NOT NULL,
  reason bytea NOT NULL,             -- encrypted, receiver's key
  snapshot bytea,                    -- JSON of exactly shared_fields, receiver's key; erased once declined or redirected
  status text NOT NULL DEFAULT 'sent'
    CHECK (status IN ('sent', 'accepted', 'declined', 'redirected', 'completed', 'closed_no_outcome')),
  decline_reason bytea,              -- encrypted, sender's key
  outcome bytea,                     -- encrypted, sender's key
  -- The answer (sent) or the outcome (accepted) is due by then; past it the referral is overdue.
  due_at timestamptz NOT NULL,
  answered_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK (from_org_id <> to_org_id)
);
CREATE INDEX referrals_from ON referrals (from_org_id, created_at DESC, id DESC);
CREATE INDEX referrals_to ON referrals (to_org_id, created_at DESC, id DESC);
CREATE INDEX referrals_person ON referrals (person_id);

CREATE TABLE referral_status_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals (id),
  status text NOT NULL,
  changed_by uuid REFERENCES accounts (id),
  changed_by_org_id uuid REFERENCES organisations (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_status_history_referral ON referral_status_history (referral_id, changed_at);
