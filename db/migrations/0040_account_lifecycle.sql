-- Accounts that only their owner controls (docs/decisions/0129-accounts-only-the-owner-controls.md).
-- An administrator invites by e-mail; the invitee chooses the password and sets up two-factor. A
-- forgotten password is reset through a link sent to the mailbox, and still needs the second
-- factor (or a recovery code). Every link is a random token of which only the SHA-256 is stored,
-- used once, and expires.

-- An account whose password was reset by an administrator, or whose owner has not chosen one yet,
-- has none: nothing can log in with it until the owner follows a reset link.
ALTER TABLE accounts ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE accounts ADD COLUMN password_changed_at timestamptz;

CREATE TABLE account_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'caseworker', 'lawyer', 'documentation_officer', 'search_committee', 'analyst')),
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  teams text[] NOT NULL DEFAULT ARRAY[]::text[] CHECK (cardinality(teams) <= 20),
  token_hash text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  invited_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_account_id uuid REFERENCES accounts (id),
  revoked_at timestamptz
);
-- One open invitation per address and organisation: inviting again replaces the previous link.
CREATE UNIQUE INDEX account_invitations_open ON account_invitations (org_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  account_id uuid NOT NULL REFERENCES accounts (id),
  -- Who asked: NULL for the owner ("forgot password") or the operator's command line.
  requested_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- Wrong second-factor codes given with this link; at five the link is spent.
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts BETWEEN 0 AND 1000)
);
CREATE INDEX password_resets_account ON password_resets (account_id);

-- Single-use recovery codes, for when the phone with the authenticator app is lost. High-entropy
-- random codes: a SHA-256 is enough to make the stored values useless to a thief.
CREATE TABLE recovery_codes (
  account_id uuid NOT NULL REFERENCES accounts (id),
  code_hash text NOT NULL CHECK (length(code_hash) = 64),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (account_id, code_hash)
);
