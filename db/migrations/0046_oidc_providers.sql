-- Sign-in with an organisation's own OpenID Connect provider (docs/decisions/0130-passkeys-and-oidc.md).
-- One provider per organisation. The client secret is sealed with the deployment's account key
-- (AES-256-GCM, bound to the organisation id); everything else here is configuration, not personal data.
CREATE TABLE oidc_providers (
  org_id uuid PRIMARY KEY REFERENCES organisations (id),
  issuer text NOT NULL CHECK (length(issuer) BETWEEN 8 AND 500),
  client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 300),
  client_secret bytea NOT NULL,
  -- Claim carrying the user's groups and how groups map to roles ({"group": "role"}); NULL: roles stay as set in Acompaña.
  groups_claim text CHECK (length(groups_claim) BETWEEN 1 AND 100),
  group_roles jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The provider enforces its own second factor: Acompaña does not ask for its own after it.
  second_factor_delegated boolean NOT NULL DEFAULT false,
  -- Role given to a verified e-mail with no account yet; NULL: no account is ever created by a sign-in.
  create_accounts_role text CHECK (create_accounts_role IN ('coordinator', 'caseworker', 'lawyer', 'documentation_officer', 'search_committee', 'analyst')),
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A sign-in in flight: the browser holds the random state, the server the PKCE verifier and
-- nonce. Single-use (deleted when the callback reads it) and expiring after ten minutes.
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expiry ON oidc_logins (expires_at);

-- After the provider, an organisation that does not delegate the second factor asks for the
-- account's own (TOTP or passkey): the browser holds a random token for five minutes, single-use.
CREATE TABLE oidc_pending_second_factor (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  expires_at timestamptz NOT NULL
);
