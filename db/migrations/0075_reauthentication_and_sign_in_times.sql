-- Re-authentication before sensitive changes (OWASP ASVS 3.7.1, docs/decisions/0140-...): a
-- session records when its owner last proved the password or a passkey again; changing the second
-- factor or an administrator's role needs that to be recent.
ALTER TABLE sessions ADD COLUMN reauthenticated_at timestamptz;

-- When the account last opened a session (any method): shown to its organisation's administrators.
ALTER TABLE accounts ADD COLUMN last_sign_in_at timestamptz;

-- The organisation's identity provider may sign in only addresses of these domains (empty: any
-- verified address of a member).
ALTER TABLE oidc_providers ADD COLUMN allowed_domains text[] NOT NULL DEFAULT ARRAY[]::text[]
  CHECK (cardinality(allowed_domains) <= 50);
