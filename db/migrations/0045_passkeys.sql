-- Passkeys (WebAuthn credentials) of staff accounts, and the challenges the server hands out for
-- them (docs/decisions/0130-passkeys-and-oidc.md). A credential's public key is not a secret; the
-- signature counter is kept to notice a cloned authenticator. Challenges are single-use: a
-- verification deletes its row in the same statement that reads it, and they expire after five
-- minutes.
CREATE TABLE passkeys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  -- The authenticator's credential id, base64url, as WebAuthn returns it.
  credential_id text NOT NULL UNIQUE CHECK (length(credential_id) BETWEEN 16 AND 1400),
  public_key bytea NOT NULL,
  sign_count bigint NOT NULL DEFAULT 0 CHECK (sign_count >= 0),
  transports text[] NOT NULL DEFAULT ARRAY[]::text[],
  device_type text NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
  backed_up boolean NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX passkeys_account ON passkeys (account_id);

CREATE TABLE webauthn_challenges (
  -- SHA-256 of the challenge (base64url): the browser echoes the challenge in clientDataJSON.
  challenge_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('registration', 'authentication')),
  -- The account that asked to register; NULL for a sign-in challenge (the passkey names its account).
  account_id uuid REFERENCES accounts (id),
  expires_at timestamptz NOT NULL
);
CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges (expires_at);
