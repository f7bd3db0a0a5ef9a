-- Platform foundation: extensions, deployment identity, organisations, teams, accounts, roles,
-- sessions, sharing agreements, encryption keys and the hash-chained audit log.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- One row: the fingerprint of the master key this database was created with, so that a server
-- started with the wrong key refuses to run instead of writing data nobody can read.
CREATE TABLE deployment (
  id integer PRIMARY KEY CHECK (id = 1),
  master_key_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Deployment-wide keys (audit chain MAC key, account secrets), wrapped by the master key.
CREATE TABLE system_keys (
  purpose text PRIMARY KEY CHECK (purpose IN ('audit', 'accounts')),
  wrapped_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL DEFAULT 'other'
    CHECK (kind IN ('shelter', 'legal_clinic', 'observatory', 'search_committee', 'returnee_reception', 'network', 'other')),
  country char(2),
  time_zone text NOT NULL DEFAULT 'America/Mexico_City',
  -- Roles that must use two-factor authentication (they see personal data). Configurable per organisation.
  totp_required_roles text[] NOT NULL
    DEFAULT ARRAY['admin', 'coordinator', 'caseworker', 'lawyer', 'documentation_officer', 'search_committee'],
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Data keys (AES-256-GCM) and blind-index keys (HMAC) per organisation and version.
CREATE TABLE org_keys (
  org_id uuid NOT NULL REFERENCES organisations (id),
  purpose text NOT NULL CHECK (purpose IN ('data', 'index')),
  version integer NOT NULL CHECK (version > 0),
  wrapped_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (org_id, purpose, version)
);

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The organisation whose admins manage this account.
  home_org_id uuid NOT NULL REFERENCES organisations (id),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  password_hash text NOT NULL,
  totp_secret bytea,
  totp_pending_secret bytea,
  totp_enrolled_at timestamptz,
  totp_last_step bigint,
  -- Set by an administrator for accounts that may log in without a second factor (demo, service).
  totp_exempt boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  account_id uuid NOT NULL REFERENCES accounts (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'caseworker', 'lawyer', 'documentation_officer', 'search_committee', 'analyst')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

CREATE TABLE team_members (
  team_id uuid NOT NULL REFERENCES teams (id),
  account_id uuid NOT NULL REFERENCES accounts (id),
  PRIMARY KEY (team_id, account_id)
);
CREATE INDEX team_members_account ON team_members (account_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a database copy cannot be
-- used to hijack sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  active_org_id uuid REFERENCES organisations (id),
  csrf_token text NOT NULL,
  second_factor_ok boolean NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Sharing between organisations happens only through an explicit agreement, per purpose
-- (e.g. 'search' for missing-person matching, 'referral'), and the person's consent.
CREATE TABLE sharing_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_org_id uuid NOT NULL REFERENCES organisations (id),
  to_org_id uuid NOT NULL REFERENCES organisations (id),
  purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
  valid_from date NOT NULL DEFAULT CURRENT_DATE,
  valid_until date,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK (from_org_id <> to_org_id)
);
CREATE INDEX sharing_agreements_to ON sharing_agreements (to_org_id);

-- Append-only, hash-chained audit log. Each entry's MAC covers its content and the previous
-- entry's MAC (keyed with the deployment's audit key), so editing, deleting or reordering any
-- entry breaks verification from that entry on. audit_head serialises appends.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_account_id uuid,
  actor_org_id uuid,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text,
  org_id uuid,
  fields text[] NOT NULL DEFAULT '{}',
  ip text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_mac text NOT NULL,
  mac text NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id);
CREATE INDEX audit_log_actor ON audit_log (actor_account_id, at);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL,
  last_mac text NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_mac) VALUES (1, 0, 'genesis');

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
