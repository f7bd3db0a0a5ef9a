-- Peering between deployments (decision 0145). One signing identity per deployment; peers are
-- other deployments with the agreement each side accepted; nonces seen from each peer are kept
-- for the replay window.
CREATE TABLE federation_identity (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- Raw Ed25519 public key, base64url.
  public_key text NOT NULL,
  -- PKCS#8 private key sealed under the deployment's system key (never exported).
  private_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE federation_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  org_id uuid NOT NULL REFERENCES organisations(id),
  purposes text[] NOT NULL,
  valid_until date,
  created_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE federation_peers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  base_url text NOT NULL,
  public_key text NOT NULL UNIQUE,
  fingerprint text NOT NULL UNIQUE,
  purposes text[] NOT NULL,
  valid_until date,
  status text NOT NULL CHECK (status IN ('awaiting_confirmation', 'active', 'revoked')),
  fingerprint_confirmed_by uuid REFERENCES accounts(id),
  fingerprint_confirmed_at timestamptz,
  revoked_at timestamptz,
  revoked_by text CHECK (revoked_by IN ('us', 'them')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE federation_nonces (
  peer_id uuid NOT NULL REFERENCES federation_peers(id) ON DELETE CASCADE,
  nonce text NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (peer_id, nonce)
);
CREATE INDEX federation_nonces_seen ON federation_nonces (seen_at);
